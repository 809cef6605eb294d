/**
 * The runtime package outside Node: the same scenarios (scenarios.ts) run through modules generated
 * by the CLI from the live test apps, in headless Chromium, in Deno and Bun — bundled by esbuild
 * against the universal entry, and natively (both resolve the package's `node` condition) — and in
 * the edge runtimes: Cloudflare's workerd (miniflare) and Vercel's edge-runtime. Deno and Bun must
 * also exit by themselves after their last call. Tools come from test/harness/runtimes.ts.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureRuntimes, type Runtimes } from "../harness/runtimes.js";
import { runInEdgeRuntime, runInWorkerd, type EdgeRun } from "./edge.js";
import { killAll, runInChromium, runProcess, type ProcessRun } from "./launch.js";
import { prepare, type Prepared } from "./prepare.js";
import type { Outcome, Report } from "./scenarios.js";

const EXIT_BUDGET_MS = 2_000;
const log = (line: string) => process.stderr.write(`[runtimes] ${line}\n`);

interface CliTarget {
  readonly name: string;
  readonly entry: Report["entry"];
  readonly args: (runtimes: Runtimes, prepared: Prepared) => [command: string, args: string[]];
  readonly env?: (runtimes: Runtimes) => Record<string, string>;
}

const denoEnv = (runtimes: Runtimes) => ({ DENO_DIR: runtimes.denoDir, DENO_NO_UPDATE_CHECK: "1" });
const CLI_TARGETS: readonly CliTarget[] = [
  {
    name: "Deno, universal bundle",
    entry: "universal",
    args: (r, p) => [r.deno, ["run", "--no-config", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", p.cliBundle]],
    env: denoEnv,
  },
  {
    name: "Deno, native (node_modules)",
    entry: "node",
    // The Node entry reads HF_TOKEN / HF_ENDPOINT / proxy variables.
    args: (r, p) => [
      r.deno,
      ["run", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", "--allow-env", p.nativeEntry],
    ],
    env: denoEnv,
  },
  { name: "Bun, universal bundle", entry: "universal", args: (r, p) => [r.bun, ["--no-install", p.cliBundle]] },
  { name: "Bun, native (TypeScript entry)", entry: "node", args: (r, p) => [r.bun, ["--no-install", p.nativeEntry]] },
];

interface Runs {
  readonly chromium: Promise<{ report: Report; version: string; problems: string[] }>;
  readonly workerd: Promise<EdgeRun>;
  readonly edgeRuntime: Promise<EdgeRun>;
  readonly cli: ReadonlyMap<string, { readonly all: Promise<ProcessRun>; readonly moduleLevel: Promise<ProcessRun> }>;
}
let runs: Runs | undefined;

beforeAll(async () => {
  const started = performance.now();
  const [runtimes, prepared] = await Promise.all([ensureRuntimes(log), prepare(inject("apps"))]);
  log(`tools + modules + bundles ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Every runtime at once; each test awaits its own run, so one runtime's failure stays its own.
  const chromium = runInChromium(prepared.browserDir, runtimes).then((run) => {
    log(`Chromium ${run.version}: ${(run.workMs / 1000).toFixed(1)} s (launch + page + scenarios)`);
    return { ...run, report: run.report as Report };
  });
  const cli = new Map(
    CLI_TARGETS.map((target) => {
      const [command, args] = target.args(runtimes, prepared);
      const options = { cwd: prepared.dir, env: target.env?.(runtimes) ?? {}, exitBudgetMs: EXIT_BUDGET_MS };
      const all = runProcess(command, args, options).then((run) => {
        log(
          `${target.name}: ${(run.workMs / 1000).toFixed(1)} s to the report, ${run.exitMs === null ? `still running ${EXIT_BUDGET_MS} ms later (killed)` : `exit ${run.exitMs.toFixed(0)} ms later`}`,
        );
        return run;
      });
      // After the main run, so the two do not compete for the State app's sessions and the CPU.
      const moduleLevel = all
        .catch(() => undefined)
        .then(() => runProcess(command, [...args, "module-level-state"], options))
        .then((run) => {
          log(
            `${target.name}, module-level State calls: ${run.exitMs === null ? `still running ${EXIT_BUDGET_MS} ms after the report (killed)` : `exit ${run.exitMs.toFixed(0)} ms after the report`}`,
          );
          return run;
        });
      return [target.name, { all, moduleLevel }] as const;
    }),
  );
  const edge = (name: string, work: Promise<EdgeRun>) =>
    work.then((run) => {
      log(`${name}: ${(run.workMs / 1000).toFixed(1)} s (start + scenarios)`);
      return run;
    });
  const workerd = edge("workerd (miniflare)", runInWorkerd(prepared.workerBundle, runtimes.miniflare));
  const edgeRuntime = edge(
    "edge-runtime",
    runInEdgeRuntime(join(prepared.browserDir, "bundle.js"), runtimes.edgeRuntime),
  );
  for (const promise of [chromium, workerd, edgeRuntime, ...[...cli.values()].flatMap((r) => [r.all, r.moduleLevel])])
    promise.catch(() => {}); // awaited by the tests
  runs = { chromium, workerd, edgeRuntime, cli };
}, 300_000);

afterAll(() => killAll());

function current(): Runs {
  if (!runs) throw new Error("beforeAll did not start the runtimes");
  return runs;
}

/** The assertions every runtime's report must pass. */
function scenarioTests(report: () => Promise<Report>, entry: Report["entry"]): void {
  const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

  it(`modules get the ${entry} entry of @gradio-codegen/runtime`, async () => {
    expect((await report()).entry).toBe(entry);
  });

  it("calculator: predict(4, 'add', 5) → 9 (module-level), 7 multiply 6 → 42 (connect())", async () => {
    expect((await report()).call).toEqual(ok([9, 42]));
  });

  it("gr.Error → AppError with code APP_ERROR and the app's message", async () => {
    expect((await report()).appError).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: "AppError",
        code: "APP_ERROR",
        appMessage: "Cannot divide by zero!",
        isGradioError: true,
      }),
    });
  });

  it("streaming chatbot: every partial, in order, then the result", async () => {
    expect((await report()).stream).toEqual(
      ok({
        partials: ["You", "You said:", "You said: hello", "You said: hello there"],
        final: "You said: hello there",
        roles: ["user", "assistant"],
      }),
    );
  });

  it("files: a File and raw bytes uploaded in one call; output files fetched back", async () => {
    const { files, nonce } = await report();
    expect(nonce).toMatch(/^[0-9a-f]{8}$/);
    expect(files).toEqual(
      ok({
        summary: {
          count: 2,
          files: [
            { name: "a.txt", size: 14 },
            { name: "file", size: 20 },
          ],
        },
        copies: [`HELLO ${nonce.toUpperCase()}`, `SECOND FILE ${nonce.toUpperCase()}`],
        copyNames: ["upper-a.txt", "upper-file"],
        report: `Report: Q3 ${nonce}\n`,
      }),
    );
  });

  it("image: PNG bytes and a BMP File in, the inverted PNG fetched back and passed on as an input", async () => {
    expect((await report()).image).toEqual(
      ok({ size: [4, 3], invertedName: "image.png", pngSignature: true, sizeOfInverted: [4, 3] }),
    );
  });

  it("State: two connect() clients each keep their own counter", async () => {
    expect((await report()).state).toEqual(ok([2, 5, 1, 6, 11]));
  });

  it("AbortSignal: the call rejects with ABORTED at once and the server-side loop stops", async () => {
    const { abort } = await report();
    expect(abort).toMatchObject({ ok: true, value: { error: { code: "ABORTED", isGradioError: true } } });
    if (!abort.ok) return;
    expect(abort.value.rejectMs).toBeLessThan(100);
    expect(abort.value.later).toBe(abort.value.stoppedAt);
    expect(abort.value.stoppedAt).toBeLessThan(100);
  });
}

describe("Chromium (headless), universal bundle from a 127.0.0.1 page on another port (CORS)", () => {
  const run = () => current().chromium;
  scenarioTests(async () => (await run()).report, "universal");

  it("no uncaught page errors or console errors", async () => {
    expect((await run()).problems).toEqual([]);
  });
});

describe("Cloudflare workerd (miniflare), a Worker module's fetch handler, universal bundle", () => {
  scenarioTests(async () => (await current().workerd).report as Report, "universal");
});

describe("Vercel edge-runtime (Edge API surface, no Node globals), universal bundle", () => {
  scenarioTests(async () => (await current().edgeRuntime).report as Report, "universal");
});

for (const target of CLI_TARGETS) {
  describe(target.name, () => {
    const run = (which: "all" | "moduleLevel") => {
      const entry = current().cli.get(target.name);
      if (!entry) throw new Error(`no run for ${target.name}`);
      return entry[which];
    };
    scenarioTests(async () => (await run("all")).report as Report, target.entry);

    it(`exits by itself within ${EXIT_BUDGET_MS} ms after its last call (clients closed), code 0, empty stderr`, async () => {
      const { exitMs, code, stderr } = await run("all");
      expect(stderr).toBe("");
      expect(exitMs).not.toBeNull();
      expect(code).toBe(0);
    });

    it("module-level calls on a State app (shared session, never closed) return the session's counter", async () => {
      expect((await run("moduleLevel")).report).toEqual({ ok: true, value: [2, 5] });
    });

    const exits = `after module-level calls on a State app: exits by itself within ${EXIT_BUDGET_MS} ms`;
    const exitsTest = async () => {
      const { exitMs, code } = await run("moduleLevel");
      expect(exitMs, "still running after the budget (killed)").not.toBeNull();
      expect(code).toBe(0);
    };
    it(exits, exitsTest);
  });
}
