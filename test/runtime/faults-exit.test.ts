/**
 * A Node process exits by itself after a call gave up on a misbehaving server (issue 10 items 8,
 * 9, 10), without close(): the requests nobody waits for are aborted, and a queue stream that a
 * server keeps alive after ignoring the cancel is dropped. The fault server stands for a hung
 * server (never answers `/config` or the join) and a hung worker (ignores `/cancel`, streams
 * heartbeats forever). The runtime is compiled into a private directory first, as in process-exit.test.ts.
 */
import { spawnSync } from "node:child_process";
import type { ServerResponse } from "node:http";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { faultServer, sse, type FaultServer } from "./fault-server.js";
import { runUntilExit } from "./live-support.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "test", ".work", "runtime", `fault-exit-${process.pid}`);
const SCRIPT = join(import.meta.dirname, "scripts", "fault-exit-scenario.mjs");
/** The runtime drops an unneeded stream after a 2 s grace; the rest is the process's own exit. */
const EXIT_BUDGET_MS = { "config-hangs": 2000, "join-hangs": 2000, "cancel-ignored": 4000 } as const;

let server: FaultServer;
beforeAll(async () => {
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
  const hang = () => {};
  server = await faultServer({
    "/config": hang,
    "/queue/join": (_req, res) => hangOrJoin(res),
    "/queue/data": (_req, res) => {
      const send = sse(res);
      const beat = setInterval(() => send({ msg: "heartbeat" }), 100);
      res.on("close", () => clearInterval(beat));
      send({ msg: "estimation", event_id: "job", rank: 0, queue_size: 1 });
    },
  });
}, 60_000);

/** The join hangs for the join-hangs scenario's server, answers otherwise. */
let joinHangs = false;
function hangOrJoin(res: ServerResponse): void {
  if (!joinHangs) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ event_id: "job" }));
}

describe("process exit after a call gave up on a misbehaving server", () => {
  for (const scenario of ["config-hangs", "join-hangs", "cancel-ignored"] as const) {
    it(`${scenario}: exits with code 0 within ${EXIT_BUDGET_MS[scenario]} ms, without close()`, async () => {
      joinHangs = scenario === "join-hangs";
      const { code, afterReadyMs, stderr } = await runUntilExit(
        [SCRIPT, pathToFileURL(join(OUT, "node.js")).href, server.url, scenario],
        scenario,
      );
      process.stderr.write(`[runtime] exit after ${scenario}: ${afterReadyMs.toFixed(0)} ms\n`);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(afterReadyMs).toBeLessThan(EXIT_BUDGET_MS[scenario]);
      // The stream the server kept alive was open when the call gave up (so the drop was needed).
      if (scenario === "cancel-ignored") expect(server.count("/queue/data")).toBeGreaterThan(0);
    });
  }
});
