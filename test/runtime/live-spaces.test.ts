/**
 * Live: a Space id resolved by the runtime through the Hub stand-in (docs/protocol.md §1.2–§1.4,
 * reached via `hfEndpoint`), the app behind each Space's host is real (rt_features, sometimes
 * behind a recording proxy to see what reached its origin). Stages, waiting with status events,
 * the bound, where the token goes, and a host cached for the client's life.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, GradioError, type SpaceStatusEvent } from "../../runtime/src/node.js";
import { startHubStandin, type HubStandin, type StandinSpaceSpec } from "../harness/hub-standin.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const TOKEN = "hf_runtimeStandinToken42";
const echo = endpoint("echo");
let hub: HubStandin;
let proxy: RecordingProxy;
let n = 0;

beforeAll(async () => {
  hub = await startHubStandin();
  proxy = await startRecordingProxy(new URL(appUrl("rt_features")).origin);
});
afterAll(async () => {
  await hub.close();
  await proxy.close();
});

/** Registers a Space (host: rt_features unless given) and returns the AppSpec a generated Space module carries. */
function space(spec: Omit<StandinSpaceSpec, "id" | "host"> & { host?: string } = {}) {
  const id = `rt-tester/space-${++n}`;
  hub.addSpace({ id, host: appUrl("rt_features"), ...spec });
  return { id, app: appSpec("rt_features", { source: id, baseUrl: null, spaceId: id }) };
}

const hubRequests = (id: string) => hub.requests.filter((r) => r.path.startsWith(`/api/spaces/${id}`));
const proxied = () => `${proxy.url}${new URL(appUrl("rt_features")).pathname}`;
const fast = { intervalMs: 10 };

describe("Spaces in the runtime (Hub stand-in, live app)", () => {
  it("RUNNING: one Hub request (host and stage together), cached for the client's life", async () => {
    const { id, app } = space();
    await using client = createClient(app, { hfEndpoint: hub.url });
    expect(await client.call(echo, ["a"])).toEqual(["a"]);
    expect(await client.call(echo, ["b"])).toEqual(["b"]);
    expect(hubRequests(id).map((r) => r.path)).toEqual([`/api/spaces/${id}`]);
  });

  it("HF_ENDPOINT is the Node default of hfEndpoint", async () => {
    const { id, app } = space();
    const saved = process.env["HF_ENDPOINT"];
    process.env["HF_ENDPOINT"] = hub.url;
    try {
      await using client = createClient(app);
      expect(await client.call(echo, ["env"])).toEqual(["env"]);
    } finally {
      if (saved === undefined) delete process.env["HF_ENDPOINT"];
      else process.env["HF_ENDPOINT"] = saved;
    }
    expect(hubRequests(id)).toHaveLength(1);
  });

  it("SLEEPING → APP_STARTING → RUNNING: status events in order, one wake-up request to the host, then the call", async () => {
    const stages = ["SLEEPING", "SLEEPING", "APP_STARTING", "APP_STARTING", "RUNNING"];
    const start = proxy.requests.length;
    const { id, app } = space({ stages, host: proxied() });
    const events: SpaceStatusEvent[] = [];
    await using client = createClient(app, {
      hfEndpoint: hub.url,
      spaceWait: { ...fast, onStatus: (e) => events.push(e) },
    });
    expect(await client.call(echo, ["woken"])).toEqual(["woken"]);
    expect(events.map((e) => [e.stage, e.done])).toEqual([
      ["SLEEPING", false],
      ["APP_STARTING", false],
      ["RUNNING", true],
    ]);
    expect(events.at(-1)?.stages).toEqual(["SLEEPING", "APP_STARTING", "RUNNING"]);
    expect(events.every((e) => e.spaceId === id && e.elapsedMs >= 0)).toBe(true);
    expect(hubRequests(id).map((r) => r.path)).toEqual([
      `/api/spaces/${id}`,
      ...Array(4).fill(`/api/spaces/${id}/runtime`),
    ]);
    const toApp = proxy.requests.slice(start).map((r) => r.path.replace(new URL(appUrl("rt_features")).pathname, ""));
    expect(toApp[0]).toBe("/config"); // the wake-up
    expect(toApp).toContain("/gradio_api/queue/join");
  });

  it("just woken, the host's gateway still answers 503: probed until it serves, within the wait", async () => {
    const start = proxy.requests.length;
    const { app } = space({ stages: ["APP_STARTING", "RUNNING"], host: proxied() });
    proxy.failNext(2);
    await using client = createClient(app, { hfEndpoint: hub.url, spaceWait: fast });
    expect(await client.call(echo, ["late"])).toEqual(["late"]);
    // 2 × 503 and 1 × 200 from the probe, then the /config read that looks up fn_index by name.
    expect(proxy.requests.slice(start).filter((r) => r.path.endsWith("/config"))).toHaveLength(4);
  });

  it.each([
    ["PAUSED", /paused by its owner/],
    ["BUILD_ERROR", /is broken \(stage BUILD_ERROR\)/],
    ["RUNTIME_ERROR", /is broken \(stage RUNTIME_ERROR\).*The Hub says: boom/],
  ])("%s → SPACE_NOT_RUNNING at once, no polling, no status event", async (stage, message) => {
    const { id, app } = space({ stages: [stage], errorMessage: "boom" });
    const events: SpaceStatusEvent[] = [];
    await using client = createClient(app, {
      hfEndpoint: hub.url,
      spaceWait: { ...fast, onStatus: (e) => events.push(e) },
    });
    const error = await client.call(echo, ["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradioError);
    expect(error).toMatchObject({ code: "SPACE_NOT_RUNNING" });
    expect((error as Error).message).toMatch(message);
    expect(hubRequests(id)).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("a Space that never starts → TIMEOUT within the bound", async () => {
    const { app } = space({ stages: ["SLEEPING", "BUILDING"] });
    await using client = createClient(app, { hfEndpoint: hub.url, spaceWait: { timeoutMs: 300, intervalMs: 50 } });
    const started = Date.now();
    await expect(client.call(echo, ["x"])).rejects.toMatchObject({
      code: "TIMEOUT",
      message: expect.stringMatching(/did not start within 0\.3 s \(stages seen: SLEEPING → BUILDING\)/),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("close() while waiting ends the wait at once (ABORTED, no timer left)", async () => {
    const { app } = space({ stages: ["SLEEPING"] });
    const client = createClient(app, { hfEndpoint: hub.url, spaceWait: { intervalMs: 60_000 } });
    const pending = client.call(echo, ["x"]).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await client.close();
    expect(await pending).toMatchObject({ code: "ABORTED" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("an unknown Space → HTTP 404 explained; a private one without a token → AUTH_REQUIRED saying to pass { token }", async () => {
    await using unknown = createClient(
      appSpec("rt_features", { source: "nobody/nothing", baseUrl: null, spaceId: "nobody/nothing" }),
      { hfEndpoint: hub.url, token: "" },
    );
    await expect(unknown.call(echo, ["x"])).rejects.toMatchObject({
      code: "HTTP",
      status: 404,
      message: expect.stringMatching(/Space nobody\/nothing not found/),
    });
    const { app } = space({ private: true, token: TOKEN });
    await using anonymous = createClient(app, { hfEndpoint: hub.url, token: "" });
    await expect(anonymous.call(echo, ["x"])).rejects.toMatchObject({
      code: "AUTH_REQUIRED",
      message: expect.stringMatching(/private or does not exist; pass \{ token \}/),
    });
    await using wrong = createClient(app, { hfEndpoint: hub.url, token: "hf_wrong" });
    await expect(wrong.call(echo, ["x"])).rejects.toMatchObject({
      code: "AUTH_REQUIRED",
      message: expect.stringMatching(/rejected the token/),
    });
  });

  it("a private Space with a token: Authorization on every Hub request only, X-HF-Authorization on every request to the host only", async () => {
    const start = proxy.requests.length;
    const { id, app } = space({ private: true, token: TOKEN, host: proxied(), stages: ["SLEEPING", "RUNNING"] });
    await using client = createClient(app, { hfEndpoint: hub.url, token: TOKEN, spaceWait: fast });
    expect(await client.call(echo, ["private"])).toEqual(["private"]);
    const toHub = hubRequests(id);
    expect(toHub).toHaveLength(2);
    for (const r of toHub) {
      expect(r.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
      expect(r.headers["x-hf-authorization"]).toBeUndefined();
    }
    const toApp = proxy.requests.slice(start);
    expect(toApp.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/config$/),
        expect.stringMatching(/\/queue\/join$/),
        expect.stringMatching(/\/queue\/data\?/),
      ]),
    );
    for (const r of toApp) {
      expect(r.headers["x-hf-authorization"]).toBe(`Bearer ${TOKEN}`);
      expect(r.headers["authorization"]).toBeUndefined();
    }
  });

  it("HF_TOKEN never reaches an app given by a non-Hugging-Face URL", async () => {
    const start = proxy.requests.length;
    const saved = process.env["HF_TOKEN"];
    process.env["HF_TOKEN"] = TOKEN;
    try {
      await using client = createClient(appSpec("rt_features", { baseUrl: proxied() }));
      expect(await client.call(echo, ["by-url"])).toEqual(["by-url"]);
    } finally {
      if (saved === undefined) delete process.env["HF_TOKEN"];
      else process.env["HF_TOKEN"] = saved;
    }
    const seen = proxy.requests.slice(start);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const r of seen) expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
  });
});
