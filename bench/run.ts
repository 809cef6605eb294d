/**
 * `npm run bench`: starts the bench apps (bench/apps) on 127.0.0.1, generates and compiles a
 * module per app with our CLI, runs the scenarios with gradio-codegen, @gradio/client, Python
 * gradio_client (and the raw floor) interleaved, prints a table and writes bench/results.{json,md}.
 *
 * Passes (each a set-up the same scenarios run on; see PASSES):
 *   main     apps started with Gradio's own `demo.launch()` (bench/apps/launch.py), loopback
 *   mounted  apps mounted at paths in one FastAPI app under uvicorn (bench/apps/serve.py)
 *   nagle    the same, on a listening socket without TCP_NODELAY: the 40 ms set-up of old runs
 *   link     the launch() apps through an emulated 50 ms RTT link (bench/lib/link.ts), B5 capped
 *
 * Options: --only B1,B3  --passes main,link  --reps N (default 5)  --scale X (workload multiplier)
 * Partial or scaled runs write bench/.work/results.* instead of the committed files.
 * Runs as bench/.work/run.mjs (bundled by esbuild): the harness finds the repo root from there.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { transformSync } from "esbuild";
import { startApps, type AppHost } from "../test/harness/app-host.js";
import { GRADIO_VERSIONS } from "../test/harness/gradio-versions.js";
import { ensureVenv } from "../test/harness/venv.js";
import { directHost, type BenchContext, type BenchHost, type Variant } from "./lib/context.js";
import { startLink, type Link } from "./lib/link.js";
import { consoleTable, machine, markdown } from "./lib/report.js";
import type { ScenarioResult } from "./lib/types.js";
import { b1FirstCall } from "./scenarios/b1-first-call.js";
import { b2Latency } from "./scenarios/b2-latency.js";
import { b3Throughput } from "./scenarios/b3-throughput.js";
import { b4Stream } from "./scenarios/b4-stream.js";
import { b5Upload } from "./scenarios/b5-upload.js";
import { b6Bundle } from "./scenarios/b6-bundle.js";
import { b7Generator } from "./scenarios/b7-generator.js";
import { b8Check } from "./scenarios/b8-check.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const WORK = join(REPO, "bench", ".work");
const APPS = ["bench_echo", "bench_fast", "bench_stream", "bench_upload", "bench_medium"];
const ALL = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"];

interface Pass {
  readonly variant: Variant;
  /** bench/apps script that hosts the apps. */
  readonly script: "launch.py" | "serve.py";
  readonly env?: Readonly<Record<string, string>>;
  /** Scenarios this pass runs (B6–B8 need no server: main pass only). */
  readonly scenarios: readonly string[];
  /** Repetitions (default: --reps). */
  readonly reps?: number;
}

const LINK_RTT_MS = 50;
/** B5's link: 100 Mbit/s each way, a good home or office line. */
const LINK_BYTES_PER_S = 12_500_000;

const PASSES: Readonly<Record<string, Pass>> = {
  main: { variant: { suffix: "", label: "", rttMs: 0 }, script: "launch.py", scenarios: ALL },
  mounted: {
    variant: { suffix: "-mounted", label: "apps mounted in FastAPI (uvicorn)", rttMs: 0 },
    script: "serve.py",
    scenarios: ["B2"],
  },
  nagle: {
    variant: { suffix: "-nagle", label: "mounted, listening socket without TCP_NODELAY", rttMs: 0 },
    script: "serve.py",
    env: { BENCH_NAGLE: "1" },
    scenarios: ["B2"],
    reps: 3,
  },
  link: {
    variant: {
      suffix: "-50ms",
      label: `${LINK_RTT_MS} ms RTT link`,
      rttMs: LINK_RTT_MS,
      bytesPerSecond: LINK_BYTES_PER_S,
    },
    script: "launch.py",
    scenarios: ["B1", "B2", "B4", "B5"],
  },
};

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    passes: { type: "string" },
    reps: { type: "string" },
    scale: { type: "string" },
  },
});
const only = values.only ? values.only.toUpperCase().split(",") : ALL;
const passes = values.passes ? values.passes.split(",") : Object.keys(PASSES);
const reps = Number(values.reps ?? 5);
const scale = Number(values.scale ?? 1);
const official = only.length === ALL.length && passes.length === Object.keys(PASSES).length && reps >= 5 && scale === 1;
const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/**
 * Generates a module from the live app with our CLI, then strips its types with esbuild. Async: the
 * emulated link runs in this process, so a synchronous child process would stall it (and itself).
 */
async function generateModule(url: string, name: string, snapshot?: string): Promise<string> {
  const ts = join(WORK, "gen", `${name}.ts`);
  const cli = join(REPO, "dist", "generator", "cli", "main.js");
  await promisify(execFile)(
    process.execPath,
    [cli, url, "-o", ts, "-q", ...(snapshot ? ["--save-snapshot", snapshot] : [])],
    {
      maxBuffer: 1 << 24,
    },
  );
  const js = join(WORK, "gen", `${name}.js`);
  writeFileSync(js, transformSync(readFileSync(ts, "utf8"), { loader: "ts", format: "esm" }).code);
  return js;
}

/** Through a link: one per app server (launch() gives every app its own port). */
async function linkedHost(
  host: AppHost,
  apps: readonly string[],
  variant: Variant,
): Promise<{ host: BenchHost; close: () => Promise<void> }> {
  const links = new Map<string, Link>();
  for (const app of apps) {
    const origin = new URL(host.url(app)).origin;
    if (!links.has(origin))
      links.set(
        origin,
        await startLink(origin, {
          rttMs: variant.rttMs,
          ...(variant.bytesPerSecond ? { bytesPerSecond: variant.bytesPerSecond } : {}),
        }),
      );
  }
  const linkOf = (app: string) => links.get(new URL(host.url(app)).origin) as Link;
  return {
    host: { url: (app) => linkOf(app).url(host.url(app)), counterOrigin: (app) => new URL(host.url(app)).origin },
    close: async () => {
      await Promise.all([...links.values()].map((l) => l.close()));
    },
  };
}

async function runPass(name: string, pass: Pass, python: string, results: ScenarioResult[]): Promise<void> {
  const wanted = pass.scenarios.filter((id) => only.includes(id));
  if (wanted.length === 0) return;
  const tmp = join(WORK, "gradio-tmp");
  rmSync(tmp, { recursive: true, force: true });
  log(`pass ${name}: starting ${APPS.join(", ")} on Gradio ${GRADIO_VERSIONS.current} (${pass.script})`);
  const host = await startApps({
    python,
    apps: APPS,
    appsDir: join(REPO, "bench", "apps"),
    script: pass.script,
    env: { GRADIO_TEMP_DIR: tmp, ...pass.env },
  });
  const linked = pass.variant.rttMs > 0 ? await linkedHost(host, APPS, pass.variant) : null;
  try {
    const mediumSchema = join(WORK, "medium-schema.json");
    const modules: Record<string, string> = {};
    const benchHost = linked?.host ?? directHost(host);
    // Generated from the URL the clients use (through the link, when there is one), as a user
    // generates from the Space they call: the module's base URL and API prefix are then its own.
    for (const app of APPS)
      modules[app] = await generateModule(benchHost.url(app), app, app === "bench_medium" ? mediumSchema : undefined);
    const passReps = pass.reps ?? reps;
    const ctx: BenchContext = {
      repoRoot: REPO,
      workDir: WORK,
      host: benchHost,
      variant: pass.variant,
      python,
      modules,
      reps: passReps,
      scale,
      log,
    };
    const scenarios: Record<string, () => Promise<ScenarioResult>> = {
      B6: () => b6Bundle(ctx, mediumSchema),
      B7: () => b7Generator(ctx, mediumSchema),
      B8: () => b8Check(ctx, mediumSchema),
      B1: () => b1FirstCall(ctx),
      B2: () => b2Latency(ctx),
      // B3 is the heaviest (Python's client needs ~1 min per 2,000 calls here): 3 repetitions.
      B3: () => b3Throughput(ctx, Math.min(passReps, 3)),
      B4: () => b4Stream(ctx),
      B5: () => b5Upload(ctx, passReps),
    };
    for (const [id, run] of Object.entries(scenarios)) {
      if (!wanted.includes(id)) continue;
      log(`${id}${pass.variant.suffix} …`);
      results.push(await run());
    }
  } finally {
    await linked?.close();
    await host.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(join(WORK, "gen"), { recursive: true });
  const python = await ensureVenv(GRADIO_VERSIONS.current, log);
  const results: ScenarioResult[] = [];
  for (const name of passes) {
    const pass = PASSES[name];
    if (pass === undefined) throw new Error(`unknown pass ${name} (known: ${Object.keys(PASSES).join(", ")})`);
    await runPass(name, pass, python, results);
  }
  results.sort((a, b) => a.id.localeCompare(b.id));
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(`\n${consoleTable(results)}`);
  const outDir = official ? join(REPO, "bench") : WORK;
  const json = {
    date,
    machine: machine(),
    gradio: GRADIO_VERSIONS.current,
    reps,
    scale,
    passes,
    totalSeconds: (Date.now() - started) / 1000,
    results,
  };
  writeFileSync(join(outDir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(outDir, "results.md"), markdown(results, date));
  log(`wrote ${join(outDir, "results.json")} and results.md (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause !== undefined ? ` (cause: ${String(error.cause)})` : "";
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}\n`,
  );
  process.exit(1);
});
