/**
 * `npm run bench`: starts the bench apps (bench/apps) on 127.0.0.1 with the test harness, generates
 * and compiles a module per app with our CLI, runs B1–B7 with gradio-codegen, @gradio/client and
 * Python gradio_client interleaved, prints a table and writes bench/results.{json,md}.
 *
 * Options: --only B1,B3  --reps N (default 5)  --scale X (workload multiplier, default 1)
 * Partial or scaled runs write bench/.work/results.* instead of the committed files.
 * Runs as bench/.work/run.mjs (bundled by esbuild): the harness finds the repo root from there.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { transformSync } from "esbuild";
import { startApps } from "../test/harness/app-host.js";
import { GRADIO_VERSIONS } from "../test/harness/gradio-versions.js";
import { ensureVenv } from "../test/harness/venv.js";
import type { BenchContext } from "./lib/context.js";
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

const { values } = parseArgs({ options: { only: { type: "string" }, reps: { type: "string" }, scale: { type: "string" } } });
const only = values.only ? values.only.toUpperCase().split(",") : ALL;
const reps = Number(values.reps ?? 5);
const scale = Number(values.scale ?? 1);
const official = only.length === ALL.length && reps >= 5 && scale === 1;
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** Generates a module from the live app with our CLI, then strips its types with esbuild. */
function generateModule(url: string, name: string, snapshot?: string): string {
  const ts = join(WORK, "gen", `${name}.ts`);
  const cli = join(REPO, "dist", "generator", "cli", "main.js");
  execFileSync(process.execPath, [cli, url, "-o", ts, "-q", ...(snapshot ? ["--save-snapshot", snapshot] : [])], { stdio: "inherit" });
  const js = join(WORK, "gen", `${name}.js`);
  writeFileSync(js, transformSync(readFileSync(ts, "utf8"), { loader: "ts", format: "esm" }).code);
  return js;
}

async function main(): Promise<void> {
  mkdirSync(join(WORK, "gen"), { recursive: true });
  const tmp = join(WORK, "gradio-tmp");
  rmSync(tmp, { recursive: true, force: true });
  const python = await ensureVenv(GRADIO_VERSIONS.current, log);
  log(`starting ${APPS.join(", ")} on Gradio ${GRADIO_VERSIONS.current}`);
  const host = await startApps({ python, apps: APPS, appsDir: join(REPO, "bench", "apps"), env: { GRADIO_TEMP_DIR: tmp } });
  const results: ScenarioResult[] = [];
  try {
    const mediumSchema = join(WORK, "medium-schema.json");
    const modules: Record<string, string> = {};
    for (const app of APPS) modules[app] = generateModule(host.url(app), app, app === "bench_medium" ? mediumSchema : undefined);
    log(`generated ${APPS.length} modules into ${join(WORK, "gen")}`);
    const ctx: BenchContext = { repoRoot: REPO, workDir: WORK, host, python, modules, reps, scale, log };
    const scenarios: Record<string, () => Promise<ScenarioResult>> = {
      B6: () => b6Bundle(ctx),
      B7: () => b7Generator(ctx, mediumSchema),
      B8: () => b8Check(ctx, mediumSchema),
      B1: () => b1FirstCall(ctx),
      B2: () => b2Latency(ctx),
      // B3 is the heaviest (Python's client needs ~1 min per 2,000 calls here): 3 repetitions.
      B3: () => b3Throughput(ctx, Math.min(reps, 3)),
      B4: () => b4Stream(ctx),
      B5: () => b5Upload(ctx, reps),
    };
    for (const [id, run] of Object.entries(scenarios)) {
      if (!only.includes(id)) continue;
      log(`${id} …`);
      results.push(await run());
    }
  } finally {
    await host.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  results.sort((a, b) => a.id.localeCompare(b.id));
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(`\n${consoleTable(results)}`);
  const outDir = official ? join(REPO, "bench") : WORK;
  const json = { date, machine: machine(), gradio: GRADIO_VERSIONS.current, reps, scale, totalSeconds: (Date.now() - started) / 1000, results };
  writeFileSync(join(outDir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(outDir, "results.md"), markdown(results, date));
  log(`wrote ${join(outDir, "results.json")} and results.md (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
