/**
 * Live: gr.State per session (counts across calls of one client, isolated between clients), and
 * the heartbeat — opened lazily on the first call, closed by close(), which makes the server run
 * the app's unload listener for that session (docs/protocol.md §3.7).
 */
import { describe, expect, it } from "vitest";
import { createClient, type FetchLike } from "../../runtime/src/node.js";
import { apiBase, apiPrefix, appSpec, endpoint, sleep } from "./helpers.js";

// counter: wire inputs [State], outputs [count, State].
const counter = endpoint("counter", { inputs: ["state"], outputs: [0, "state"], params: [], returns: ["count"] });
const unloaded = endpoint("unloaded", { params: ["session"], returns: ["flag"] });

describe("gr.State", () => {
  it("counts across calls in one client and is isolated between two clients", async () => {
    await using a = createClient(appSpec("rt_features", { connectHeartbeat: true }));
    await using b = createClient(appSpec("rt_features", { connectHeartbeat: true }));
    expect(await a.call(counter, [])).toEqual([1]);
    expect(await a.call(counter, [])).toEqual([2]);
    expect(await b.call(counter, [])).toEqual([1]);
    expect(await a.call(counter, [])).toEqual([3]);
    expect(a.sessionHash).not.toBe(b.sessionHash);
  });

  it("a client given another's sessionHash shares its State", async () => {
    await using a = createClient(appSpec("rt_features"));
    await a.call(counter, []);
    await using twin = createClient(appSpec("rt_features"), { sessionHash: a.sessionHash });
    expect(await twin.call(counter, [])).toEqual([2]);
  });
});

describe("heartbeat", () => {
  const spy = () => {
    const urls: string[] = [];
    const fetchSpy: FetchLike = (input, init) => (urls.push(input), globalThis.fetch(input, init));
    return { urls, fetchSpy };
  };
  const isHeartbeat = (url: string) => url.includes(`${apiPrefix()}/heartbeat/`);

  it("is opened on the first call only when the app needs it, once per client", async () => {
    const withIt = spy();
    await using a = createClient(appSpec("rt_features", { connectHeartbeat: true }), { fetch: withIt.fetchSpy });
    expect(withIt.urls).toEqual([]); // nothing is sent before the first call
    await a.call(counter, []);
    await a.call(counter, []);
    expect(withIt.urls.filter(isHeartbeat)).toEqual([`${apiBase("rt_features")}/heartbeat/${a.sessionHash}`]);

    const without = spy();
    await using b = createClient(appSpec("rt_features", { connectHeartbeat: false }), { fetch: without.fetchSpy });
    await b.call(counter, []);
    expect(without.urls.filter(isHeartbeat)).toEqual([]);
  });

  it("close() ends it and the server runs unload for the session (Node heartbeat)", async () => {
    await using observer = createClient(appSpec("rt_features"));
    const client = createClient(appSpec("rt_features", { connectHeartbeat: true }));
    await client.call(counter, []);
    await sleep(200);
    expect(await observer.call(unloaded, [client.sessionHash])).toEqual([0]);
    await client.close();
    let flag: unknown = 0;
    for (let i = 0; i < 50 && flag === 0; i++) {
      await sleep(100);
      [flag] = await observer.call(unloaded, [client.sessionHash]);
    }
    expect(flag).toBe(1);
  });

  it("close() ends it with an injected fetch too", async () => {
    await using observer = createClient(appSpec("rt_features"));
    const client = createClient(appSpec("rt_features", { connectHeartbeat: true }), {
      fetch: (i, init) => globalThis.fetch(i, init),
    });
    await client.call(counter, []);
    await client.close();
    let flag: unknown = 0;
    for (let i = 0; i < 50 && flag === 0; i++) {
      await sleep(100);
      [flag] = await observer.call(unloaded, [client.sessionHash]);
    }
    expect(flag).toBe(1);
  });

  it("calls after close() fail with ABORTED", async () => {
    const client = createClient(appSpec("rt_features"));
    await client.close();
    await expect(client.call(counter, [])).rejects.toMatchObject({ code: "ABORTED" });
  });
});
