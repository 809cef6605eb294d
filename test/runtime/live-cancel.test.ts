/**
 * Live: a call cancelled through its AbortSignal, a stream's cancel() and the `timeout` option all
 * POST {P}/cancel, and the server-side function observably stops (the app counts loop iterations
 * per token; a second endpoint reports the count). Timeouts leave no timers behind.
 */
import { describe, expect, it } from "vitest";
import { createClient, mapJobStream, type FetchLike, type GradioClient } from "../../runtime/src/node.js";
import { apiBase, appSpec, endpoint, sleep, uniqueToken } from "./helpers.js";
import { waitForIterations } from "./live-support.js";

const slow = endpoint("slow", { params: ["token", "steps"], returns: ["count"] });
const slowGen = endpoint("slow_gen", { params: ["token", "steps"], returns: ["count"], streaming: true });
const iterations = endpoint("iterations", { params: ["token"], returns: ["count"] });

/** A fetch that records every POST body sent to a URL ending in /cancel. */
function cancelSpy() {
  const bodies: unknown[] = [];
  const fetchSpy: FetchLike = (input, init) => {
    if (input === `${apiBase("rt_features")}/cancel` && typeof init?.body === "string")
      bodies.push(JSON.parse(init.body));
    return globalThis.fetch(input, init);
  };
  return { bodies, fetchSpy };
}

/** Asserts that the token's loop stopped well before `steps`; returns the final count. */
async function expectStopped(observer: GradioClient, token: string, steps: number): Promise<number> {
  await sleep(400); // the cancel request is fire-and-forget; let it land
  const [first] = await observer.call(iterations, [token]);
  await sleep(600); // 6 more iterations would run if the loop were still going
  const [second] = await observer.call(iterations, [token]);
  expect(second).toBe(first);
  expect(first).toBeLessThan(steps);
  return first as number;
}

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("cancellation", () => {
  it("AbortSignal: the call rejects with ABORTED at once, /cancel is posted, the async function stops", async () => {
    const { bodies, fetchSpy } = cancelSpy();
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    await using observer = createClient(appSpec("rt_features"));
    const token = uniqueToken("abort");
    const controller = new AbortController();
    const call = client.call(slow, [token, 100], { signal: controller.signal });
    await waitForIterations(observer, iterations, token, 3);
    const abortedAt = performance.now();
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED" });
    expect(performance.now() - abortedAt).toBeLessThan(50);
    expect(bodies).toEqual([
      expect.objectContaining({
        session_hash: client.sessionHash,
        fn_index: 3,
        event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      }),
    ]);
    await expectStopped(observer, token, 100);
  });

  it("stream.cancel(): iteration ends with ABORTED and the generator stops", async () => {
    await using client = createClient(appSpec("rt_features"));
    await using observer = createClient(appSpec("rt_features"));
    const token = uniqueToken("stream-cancel");
    const stream = client.stream(slowGen, [token, 100]);
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const [count] of stream) {
        seen.push(count);
        if (seen.length === 3) await stream.cancel();
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ABORTED" });
    expect(seen).toEqual([1, 2, 3]);
    await expect(stream.result).rejects.toMatchObject({ code: "ABORTED" });
    await expectStopped(observer, token, 100);
  });

  it("break out of for await: the iterator's return() posts /cancel and the generator stops", async () => {
    const { bodies, fetchSpy } = cancelSpy();
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    await using observer = createClient(appSpec("rt_features"));
    const token = uniqueToken("break");
    const stream = client.stream(slowGen, [token, 100]);
    const seen: unknown[] = [];
    for await (const [count] of stream) {
      seen.push(count);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(bodies).toEqual([
      expect.objectContaining({ session_hash: client.sessionHash, event_id: expect.stringMatching(/^[0-9a-f]{32}$/) }),
    ]);
    await expect(stream.result).rejects.toMatchObject({ code: "ABORTED" });
    await expectStopped(observer, token, 100);
  });

  it("a mapped stream (as generated modules return) cancels on break too", async () => {
    await using client = createClient(appSpec("rt_features"));
    await using observer = createClient(appSpec("rt_features"));
    const token = uniqueToken("break-mapped");
    const stream = mapJobStream(client.stream(slowGen, [token, 100]), ([count]) => count);
    for await (const count of stream) if (count === 2) break;
    await expect(stream.result).rejects.toMatchObject({ code: "ABORTED" });
    await expectStopped(observer, token, 100);
  });

  it("await using: a stream left unfinished is cancelled when its scope ends; a finished one is not", async () => {
    const { bodies, fetchSpy } = cancelSpy();
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    await using observer = createClient(appSpec("rt_features"));
    const token = uniqueToken("dispose");
    let result: Promise<unknown[]> | undefined;
    {
      await using stream = client.stream(slowGen, [token, 100]);
      result = stream.result;
      await waitForIterations(observer, iterations, token, 2);
    }
    await expect(result).rejects.toMatchObject({ code: "ABORTED" });
    await expectStopped(observer, token, 100);
    expect(bodies).toHaveLength(1);
    {
      await using stream = client.stream(slowGen, [uniqueToken("dispose-done"), 2]);
      const seen: unknown[] = [];
      for await (const [count] of stream) seen.push(count);
      expect(seen).toEqual([1, 2]);
      expect(await stream.result).toEqual([2]);
    }
    expect(bodies).toHaveLength(1); // the settled job was not cancelled
  });

  it("an already-aborted signal fails before anything is sent", async () => {
    const { bodies, fetchSpy } = cancelSpy();
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    await expect(client.call(slow, ["never", 5], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "ABORTED",
    });
    expect(bodies).toEqual([]);
  });

  it("the session keeps working after a cancel", async () => {
    await using client = createClient(appSpec("rt_features"));
    const controller = new AbortController();
    const call = client.call(slow, [uniqueToken("again"), 50], { signal: controller.signal });
    await sleep(300);
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED" });
    expect(await client.call(endpoint("echo"), ["still here"])).toEqual(["still here"]);
    expect(await client.call(slow, [uniqueToken("short"), 2])).toEqual([2]);
  });
});

describe("timeout", () => {
  it("→ TIMEOUT, the server job is cancelled, and no timers are left", async () => {
    await using client = createClient(appSpec("rt_features"));
    await using observer = createClient(appSpec("rt_features"));
    await observer.call(endpoint("echo"), ["warm up"]);
    const baseline = activeTimers();
    const token = uniqueToken("timeout");
    const started = performance.now();
    const error = await client.call(slow, [token, 100], { timeout: 500 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(elapsed).toBeGreaterThanOrEqual(490);
    expect(elapsed).toBeLessThan(1500);
    await expectStopped(observer, token, 100);
    expect(activeTimers()).toBeLessThanOrEqual(baseline);
  });

  it("50 calls that finish in time leave no timers behind", async () => {
    await using client = createClient(appSpec("rt_features"));
    await client.call(endpoint("echo"), ["warm up"]);
    await sleep(50);
    const baseline = activeTimers();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.call(endpoint("echo"), [`m${i}`], { timeout: 60_000 })),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => [`m${i}`]));
    await sleep(50);
    expect(activeTimers()).toBeLessThanOrEqual(baseline);
  });
});
