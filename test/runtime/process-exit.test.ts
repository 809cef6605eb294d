/**
 * A Node process that used the runtime exits by itself: within 2 s after close(), and also when it
 * only awaited module-level calls on a State app (heartbeat open, never closed), timed out or
 * cancelled. The runtime sources are compiled into a private directory first, so the test never
 * runs a stale runtime/dist.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { apiPrefix, appUrl } from "./helpers.js";
import { runUntilExit } from "./live-support.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "test", ".work", "runtime", `exit-${process.pid}`);
const SCRIPT = join(import.meta.dirname, "scripts", "exit-scenario.mjs");
const EXIT_BUDGET_MS = 2000;

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(ROOT, "runtime", "tsconfig.json"),
      "--outDir",
      OUT,
      "--declaration",
      "false",
    ],
    { encoding: "utf8" },
  );
  if (tsc.status !== 0) throw new Error(`compiling the runtime failed:\n${tsc.stdout}${tsc.stderr}`);
}, 60_000);

/** Runs one scenario; resolves with how long the process lived after printing READY. */
const runScenario = (scenario: string) =>
  runUntilExit(
    [SCRIPT, pathToFileURL(join(OUT, "node.js")).href, appUrl("rt_features"), scenario, apiPrefix()],
    scenario,
  );

describe("process exit", () => {
  for (const scenario of ["explicit-close", "async-dispose", "module-level", "timeout", "cancelled-stream"]) {
    it(`${scenario}: exits with code 0 within ${EXIT_BUDGET_MS} ms of finishing its work`, async () => {
      const { code, afterReadyMs, stderr } = await runScenario(scenario);
      process.stderr.write(`[runtime] exit after ${scenario}: ${afterReadyMs.toFixed(0)} ms\n`);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(afterReadyMs).toBeLessThan(EXIT_BUDGET_MS);
    });
  }
});
