/**
 * Live: Gradio's own username/password login (docs/protocol.md §5.4) against rt_auth, mounted
 * with `auth=("alice", "wonderland")`: login → cookies → calls; wrong password → AUTH_FAILED (the
 * server's 400, §7 item 14); no login → AUTH_REQUIRED saying to pass `auth`. A recording proxy
 * shows where the login cookies travel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, HttpError } from "../../runtime/src/node.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const whoami = endpoint("whoami");
const auth = { username: "alice", password: "wonderland" };
let proxy: RecordingProxy;

beforeAll(async () => {
  proxy = await startRecordingProxy(new URL(appUrl("rt_auth")).origin);
});
afterAll(async () => {
  await proxy.close();
});

describe("Gradio login (auth=)", () => {
  it("right credentials: one login, then every call runs as that user (fn_index looked up by name too)", async () => {
    await using client = createClient(appSpec("rt_auth"), { auth });
    expect(await client.call(whoami, ["hi"])).toEqual(["alice:hi"]);
    expect(await client.call(whoami, ["again"])).toEqual(["alice:again"]);
  });

  it("the login is POST {base}/login (root, not /gradio_api), form-encoded; the cookies go with every later request to the app", async () => {
    const path = new URL(appUrl("rt_auth")).pathname;
    const start = proxy.requests.length;
    await using client = createClient(appSpec("rt_auth", { baseUrl: `${proxy.url}${path}` }), { auth });
    expect(await client.call(whoami, ["via proxy"])).toEqual(["alice:via proxy"]);
    const seen = proxy.requests.slice(start);
    expect(seen[0]).toMatchObject({
      method: "POST",
      path: `${path}/login`,
      headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }),
    });
    expect(seen[0]?.headers["cookie"]).toBeUndefined();
    const later = seen.slice(1);
    expect(later.map((r) => r.path)).toEqual(
      expect.arrayContaining([`${path}/config`, `${path}/gradio_api/queue/join`]),
    );
    // Over plain http only the server's "unsecure" twin is sent: the other one is Secure.
    for (const r of later) expect(r.headers["cookie"]).toMatch(/^access-token-unsecure-[^=]+=[\w-]+$/);
  });

  it('wrong password → AUTH_FAILED from the server\'s 400 "Incorrect credentials."', async () => {
    await using client = createClient(appSpec("rt_auth"), { auth: { username: "alice", password: "looking-glass" } });
    const error = await client.call(whoami, ["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: "AUTH_FAILED", status: 400, method: "POST" });
    expect((error as Error).message).toMatch(
      /\/rt_auth\/login failed: HTTP 400 .*rejected the username\/password for "alice"/,
    );
    expect((error as Error).message).not.toContain("looking-glass");
  });

  it("no credentials → AUTH_REQUIRED (HTTP 401) whose message says to pass auth — on /config and on the join", async () => {
    await using lookup = createClient(appSpec("rt_auth"));
    await expect(lookup.call(whoami, ["x"])).rejects.toMatchObject({
      code: "AUTH_REQUIRED",
      status: 401,
      message: expect.stringMatching(
        /GET .*\/rt_auth\/config failed: HTTP 401 .*Not authenticated.*pass \{ auth: \{ username, password \} \}/,
      ),
    });
    await using direct = createClient(appSpec("rt_auth"));
    await expect(direct.call({ ...whoami, fnIndex: 0 }, ["x"])).rejects.toMatchObject({
      code: "AUTH_REQUIRED",
      status: 401,
      message: expect.stringMatching(/POST .*\/queue\/join failed: HTTP 401 .*pass \{ auth/),
    });
  });

  it("auth given to an app without auth=: its /login redirects to the page, nothing to log in to, calls go on", async () => {
    await using client = createClient(appSpec("rt_relay"), { auth });
    expect(await client.call(endpoint("ip_token"), ["open"])).toEqual(["open|"]);
  });

  it("a failed login is not cached: the next call of the same client logs in again", async () => {
    let password = "wrong";
    const credentials = {
      username: "alice",
      get password() {
        return password;
      },
    };
    await using client = createClient(appSpec("rt_auth"), { auth: credentials });
    await expect(client.call(whoami, ["x"])).rejects.toMatchObject({ code: "AUTH_FAILED" });
    password = "wonderland";
    expect(await client.call(whoami, ["y"])).toEqual(["alice:y"]);
  });
});
