/** The Hub stand-in serves the Hub's routes and shapes (docs/protocol.md §1.2–§1.4), deterministically. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubStandin, type HubStandin } from "../harness/hub-standin.js";

let hub: HubStandin;

beforeAll(async () => {
  hub = await startHubStandin();
  hub.addSpace({ id: "alice/public-app", host: "http://127.0.0.1:1/public" });
  hub.addSpace({ id: "alice/Private.App", host: "http://127.0.0.1:1/private", private: true, token: "hf_alice" });
  hub.addSpace({
    id: "bob/waking",
    host: "http://127.0.0.1:1/waking",
    stages: ["SLEEPING", "APP_STARTING", "RUNNING"],
    token: "hf_bob",
  });
});
afterAll(() => hub.close());

async function get(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("hub stand-in", () => {
  it.each([
    // given path, token → want status and a subset of the body
    [
      "/api/spaces/alice/public-app/host",
      undefined,
      200,
      { subdomain: "alice-public-app", host: "http://127.0.0.1:1/public" },
    ],
    [
      "/api/spaces/alice/public-app",
      undefined,
      200,
      {
        id: "alice/public-app",
        private: false,
        host: "http://127.0.0.1:1/public",
        runtime: expect.objectContaining({ stage: "RUNNING" }),
      },
    ],
    [
      "/api/spaces/alice/public-app/runtime",
      undefined,
      200,
      { stage: "RUNNING", hardware: { current: "cpu-basic", requested: "cpu-basic" } },
    ],
    ["/api/spaces/by-subdomain/alice-public-app", undefined, 200, { id: "alice/public-app" }],
    ["/api/spaces/nobody/nothing", undefined, 404, { error: "Repository not found" }],
    ["/api/spaces/alice/Private.App/host", undefined, 401, {}],
    ["/api/spaces/alice/Private.App/host", "hf_alice", 200, { subdomain: "alice-private-app" }],
    ["/api/spaces/alice/Private.App", "hf_bob", 404, {}],
    ["/api/spaces/alice/public-app", "hf_forged", 401, { error: "Invalid credentials in Authorization header" }],
    ["/api/whoami-v2", undefined, 401, {}],
    ["/api/whoami-v2", "hf_alice", 200, { type: "user", name: "alice" }],
  ] as const)("GET %s (token %s) → %i", async (path, token, status, body) => {
    const answer = await get(path, token);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject(body);
  });

  it("advances the stage on each status read and stays on the last one; /host does not advance", async () => {
    const seen: unknown[] = [];
    seen.push((await get("/api/spaces/bob/waking")).body["runtime"]);
    await get("/api/spaces/bob/waking/host");
    seen.push((await get("/api/spaces/bob/waking/runtime")).body);
    seen.push((await get("/api/spaces/bob/waking/runtime")).body);
    seen.push((await get("/api/spaces/bob/waking/runtime")).body);
    expect(seen.map((r) => (r as { stage: string }).stage)).toEqual(["SLEEPING", "APP_STARTING", "RUNNING", "RUNNING"]);
    expect(seen[0]).toMatchObject({ hardware: { current: null, requested: "cpu-basic" }, replicas: { current: 0 } });
  });

  it("records method, path and headers of every request", async () => {
    const before = hub.requests.length;
    await get("/api/whoami-v2", "hf_alice");
    expect(hub.requests.slice(before)).toEqual([
      {
        method: "GET",
        path: "/api/whoami-v2",
        body: "",
        headers: expect.objectContaining({ authorization: "Bearer hf_alice" }),
      },
    ]);
  });

  it("duplicates as huggingface_hub's duplicate_repo expects: {url}; 401/404/403/409/402 as the Hub refuses", async () => {
    hub.addUser({ name: "carol", token: "hf_carol" });
    hub.addUser({ name: "dave", token: "hf_dave", canPay: false });
    hub.addRepo("carol/a-model", "model");
    const post = async (from: string, body: unknown, token?: string) => {
      const response = await fetch(`${hub.url}/api/spaces/${from}/duplicate`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const payload = {
      repository: "carol/copy",
      visibility: "private",
      hardware: "t4-small",
      sleepTimeSeconds: 300,
      secrets: [{ key: "K", value: "v" }],
    };
    expect(await post("alice/public-app", payload, "hf_carol")).toEqual({
      status: 200,
      body: { url: "https://huggingface.co/spaces/carol/copy" },
    });
    expect((await get("/api/spaces/carol/copy/runtime", "hf_carol")).body).toMatchObject({
      stage: "BUILDING",
      hardware: { requested: "t4-small" },
      gcTimeout: 300,
    });
    expect((await get("/api/spaces/carol/copy", "hf_carol")).body).toMatchObject({
      private: true,
      runtime: { stage: "RUNNING" },
    });
    expect((await get("/api/spaces/carol/copy")).status).toBe(401); // private: no token, no read
    expect((await post("alice/public-app", payload, "hf_carol")).status).toBe(409);
    expect((await post("alice/public-app", { repository: "carol/a-model" }, "hf_carol")).status).toBe(409);
    expect((await post("alice/public-app", payload)).status).toBe(401);
    expect((await post("alice/Private.App", { repository: "carol/x" }, "hf_carol")).status).toBe(404);
    expect((await post("alice/public-app", { repository: "alice/x" }, "hf_carol")).status).toBe(403);
    expect(await post("alice/public-app", { repository: "dave/x", hardware: "a10g-small" }, "hf_dave")).toMatchObject({
      status: 402,
      body: { error: expect.stringMatching(/payment method/) },
    });
    expect((await post("alice/public-app", { repository: "dave/x", hardware: "cpu-basic" }, "hf_dave")).status).toBe(
      200,
    );
  });
});
