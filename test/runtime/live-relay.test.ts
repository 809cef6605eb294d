/**
 * Live: what a server relay sends on behalf of its end user (docs/protocol.md §6.1, §3.2):
 * per-call headers on the join only (an `x-ip-token` the app reads from `gr.Request`), the user's
 * OAuth token in the join body (`gr.OAuthToken`, Gradio ≥ 6.21), and ZeroGPU's quota message as
 * QUOTA_EXCEEDED — against rt_relay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, createClient } from "../../runtime/src/node.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const ipToken = endpoint("ip_token");
const oauth = { ...endpoint("oauth"), oauthToken: "optional" as const };
const quota = endpoint("quota");
let proxy: RecordingProxy;

beforeAll(async () => {
  proxy = await startRecordingProxy(new URL(appUrl("rt_relay")).origin);
});
afterAll(async () => {
  await proxy.close();
});

describe("ZeroGPU relay: per-call headers", () => {
  it("x-ip-token given in CallOptions.headers reaches the app's gr.Request; calls without it send none", async () => {
    await using client = createClient(appSpec("rt_relay"));
    const [a, b, none] = await Promise.all([
      client.call(ipToken, ["a"], { headers: { "x-ip-token": "ip-user-a" } }),
      client.call(ipToken, ["b"], { headers: { "x-ip-token": "ip-user-b" } }),
      client.call(ipToken, ["c"]),
    ]);
    expect([a, b, none]).toEqual([["a|ip-user-a"], ["b|ip-user-b"], ["c|"]]);
  });

  it("the header travels on the join request only, not on /config or the queue stream", async () => {
    const path = new URL(appUrl("rt_relay")).pathname;
    const start = proxy.requests.length;
    await using client = createClient(appSpec("rt_relay", { baseUrl: `${proxy.url}${path}` }));
    expect(await client.call(ipToken, ["p"], { headers: { "x-ip-token": "ip-secret" } })).toEqual(["p|ip-secret"]);
    const seen = proxy.requests.slice(start);
    const withToken = seen.filter((r) => r.headers["x-ip-token"] !== undefined).map((r) => r.path);
    expect(withToken).toEqual([`${path}/gradio_api/queue/join`]);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});

describe("OAuth-token endpoints (gr.OAuthToken)", () => {
  it("CallOptions.oauthToken is sent as the join's oauth_token and reaches the function", async () => {
    await using client = createClient(appSpec("rt_relay"));
    expect(await client.call(oauth, ["t"], { oauthToken: "hf_oauth_user_token" })).toEqual(["t|hf_oauth_user_token"]);
    // Without one, Gradio (no HF OAuth configured, no mocked login) passes None.
    expect(await client.call(oauth, ["n"])).toEqual(["n|none"]);
  });

  it('an endpoint generated with oauthToken: "required" fails with AUTH_REQUIRED before any request when none is given', async () => {
    const start = proxy.requests.length;
    const path = new URL(appUrl("rt_relay")).pathname;
    await using client = createClient(appSpec("rt_relay", { baseUrl: `${proxy.url}${path}` }));
    await expect(client.call({ ...oauth, oauthToken: "required" }, ["x"])).rejects.toMatchObject({
      code: "AUTH_REQUIRED",
      message: expect.stringMatching(/\/oauth needs the user's Hugging Face OAuth token: pass \{ oauthToken \}/),
    });
    expect(proxy.requests.length).toBe(start);
  });
});

describe("ZeroGPU quota", () => {
  it("the quota gr.Error → AppError with code QUOTA_EXCEEDED and the app's message", async () => {
    await using client = createClient(appSpec("rt_relay"));
    const error = await client.call(quota, ["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      appMessage: "You have exceeded your GPU quota (60s requested vs. 56s left).",
    });
  });
});
