/**
 * Waiting for a Space (docs/protocol.md §1.3), against the Hub stand-in with a fake clock: which
 * stages go on, wait or fail, what progress is reported, when a sleeping Space is woken, and the
 * deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForSpace, type SpaceWaitEvent } from "../../generator/load/space-wait.js";
import { startHubStandin, type HubStandin } from "../harness/hub-standin.js";

let hub: HubStandin;
let n = 0;
beforeAll(async () => (hub = await startHubStandin()));
afterAll(() => hub.close());

async function wait(stages: string[], waitTimeoutMs = 10_000) {
  const id = `owner/space-${++n}`;
  hub.addSpace({ id, host: "http://127.0.0.1:1/app/", stages, errorMessage: "Traceback: boom" });
  let clock = 0;
  const events: SpaceWaitEvent[] = [];
  const woken: string[] = [];
  const options = {
    hfEndpoint: hub.url,
    waitTimeoutMs,
    pollIntervalMs: 1_000,
    now: () => clock,
    sleep: async (ms: number) => void (clock += ms),
    onWait: (e: SpaceWaitEvent) => events.push(e),
    wake: (host: string) => woken.push(host),
  };
  const outcome = await waitForSpace(id, options).then(
    (status) => ({ ok: true as const, status }),
    (error: unknown) => ({ ok: false as const, error: error as { code: string; message: string } }),
  );
  return { id, outcome, events, woken, clock };
}

describe("waitForSpace", () => {
  it.each([
    // given stages → want the stage it goes on with, progress lines, woken
    [["RUNNING"], "RUNNING", [], false],
    [["RUNNING_BUILDING"], "RUNNING_BUILDING", [], false],
    [["SLEEPING", "APP_STARTING", "RUNNING"], "RUNNING", ["SLEEPING", "SLEEPING → APP_STARTING", "done SLEEPING → APP_STARTING → RUNNING"], true],
    [["STOPPED", "STOPPED", "STOPPED", "RUNNING"], "RUNNING", ["STOPPED", "done STOPPED → RUNNING"], true],
    [["BUILDING", "BUILDING", "RUNNING_BUILDING"], "RUNNING_BUILDING", ["BUILDING", "done BUILDING → RUNNING_BUILDING"], false],
  ])("%j → goes on at %s", async (stages, stage, progress, woke) => {
    const { outcome, events, woken } = await wait(stages);
    expect(outcome).toMatchObject({ ok: true, status: { stage, host: "http://127.0.0.1:1/app" } });
    expect(events.map((e) => `${e.done ? "done " : ""}${e.stages.join(" → ")}`)).toEqual(progress);
    expect(woken).toEqual(woke ? ["http://127.0.0.1:1/app"] : []);
  });

  it.each([
    // given stages → want error code and message
    [["PAUSED"], "SPACE_NOT_RUNNING", /is paused by its owner .*duplicate it/],
    [["SLEEPING", "PAUSED"], "SPACE_NOT_RUNNING", /paused/],
    [["NO_APP_FILE"], "SPACE_NOT_RUNNING", /has no app file/],
    [["BUILD_ERROR"], "SPACE_NOT_RUNNING", /is broken \(stage BUILD_ERROR\).*logs.*Traceback: boom/],
    [["RUNTIME_ERROR"], "SPACE_NOT_RUNNING", /stage RUNTIME_ERROR/],
    [["CONFIG_ERROR"], "SPACE_NOT_RUNNING", /stage CONFIG_ERROR/],
    [["DELETING"], "SPACE_NOT_RUNNING", /being deleted/],
    [["SOMETHING_NEW"], "SPACE_NOT_RUNNING", /stage SOMETHING_NEW/],
  ])("%j → %s", async (stages, code, message) => {
    const { outcome } = await wait(stages);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe(code);
      expect(outcome.error.message).toMatch(message);
    }
  });

  it("gives up at the deadline with the stages seen and the flag to raise it", async () => {
    const { id, outcome, clock } = await wait(["SLEEPING", "APP_STARTING"], 5_000);
    expect(outcome).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
    if (!outcome.ok) expect(outcome.error.message).toBe(`Space ${id} did not start within 5 s (stages seen: SLEEPING → APP_STARTING): try again later, or wait longer with --wait-timeout <seconds>; see ${hub.url}/spaces/${id}`);
    expect(clock).toBeLessThanOrEqual(5_000);
  });

  it("a zero timeout does not wait at all", async () => {
    const { outcome, clock } = await wait(["SLEEPING", "RUNNING"], 0);
    expect(outcome).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
    expect(clock).toBe(0);
  });

  it("polls /runtime after one read of the Space info, no more often than needed", async () => {
    const before = hub.requests.length;
    const { id } = await wait(["SLEEPING", "APP_STARTING", "RUNNING"]);
    expect(hub.requests.slice(before).map((r) => r.path)).toEqual([`/api/spaces/${id}`, `/api/spaces/${id}/runtime`, `/api/spaces/${id}/runtime`]);
  });
});
