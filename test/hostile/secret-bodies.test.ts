/**
 * Requests whose body is a secret — the login form (username/password), a join or direct call
 * carrying the user's `oauth_token`, an upload of the user's files — against an app that answers
 * 307/308 to another origin. A redirect-following client drops the headers there but re-sends the
 * body (issue 10 item 3); the
 * runtime (and the generator, which logs in with the runtime's code) must refuse with CROSS_ORIGIN
 * naming both origins, and the other origin must receive nothing at all.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GradioError, type AppSpec, type EndpointSpec } from "../../runtime/src/index.js";
import { createClient as createUniversalClient } from "../../runtime/src/create-client.js";
import { createClient } from "../../runtime/src/node.js";
import { runCli } from "../support/cli.js";
import { workDir } from "../support/paths.js";
import { json, redirect, startHostile, type Hostile } from "./hostile-server.js";

const PASSWORD = "pw-SECRET-123";
const OAUTH = "hf_oauth_SECRET_456";
const servers: Hostile[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const spec = (baseUrl: string): AppSpec => ({
  source: baseUrl,
  baseUrl,
  spaceId: null,
  gradioVersion: "6.0.0",
  protocol: "sse_v3",
  apiPrefix: "",
  connectHeartbeat: false,
  maxFileSize: null,
});
const endpoint = (extra: Partial<EndpointSpec> = {}): EndpointSpec => ({
  apiName: "predict",
  fnIndex: 0,
  inputs: [0],
  outputs: [0],
  params: [{ name: "text" }],
  returns: [{ name: "out" }],
  oauthToken: "optional",
  ...extra,
});

/** An app that redirects `path` with `status` to the same path on a second server, which records. */
async function redirecting(path: string, status: number): Promise<{ app: Hostile; evil: Hostile }> {
  const evil = await startHostile((_, res) => json(res, { success: true, event_id: "e1", data: ["stolen"] }));
  const app = await startHostile((req, res) =>
    req.path === path ? redirect(res, status, `${evil.url}${path}`) : json(res, { detail: "Not Found" }, 404),
  );
  servers.push(app, evil);
  return { app, evil };
}

/** What the other origin received is asserted first (nothing), then the typed error. */
async function expectCrossOrigin(promise: Promise<unknown>, app: Hostile, evil: Hostile): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(evil.seen).toEqual([]);
  expect(error).toBeInstanceOf(GradioError);
  expect((error as GradioError).code).toBe("CROSS_ORIGIN");
  expect((error as GradioError).message).toContain(app.origin);
  expect((error as GradioError).message).toContain(evil.origin);
  expect((error as GradioError).message).not.toContain(PASSWORD);
}

describe.each([307, 308])("HTTP %i to another origin", (status) => {
  // Attack: a compromised or malicious app (or a proxy in front of it) harvesting passwords by
  // bouncing the login form to a collector; fetch's own redirect mode would re-post the form.
  it("login form: refused, the other origin receives nothing", async () => {
    const { app, evil } = await redirecting("/login", status);
    const client = createClient(spec(app.url), { auth: { username: "alice", password: PASSWORD } });
    await expectCrossOrigin(client.call(endpoint(), ["hi"]), app, evil);
    await client.close();
  });

  // Attack: an app steals the end user's Hugging Face OAuth token (a Space relaying it to its
  // `gr.OAuthToken` function) by redirecting the join to a host it controls.
  it("join with oauth_token: refused, the other origin receives nothing", async () => {
    const { app, evil } = await redirecting("/queue/join", status);
    const client = createClient(spec(app.url));
    await expectCrossOrigin(client.call(endpoint(), ["hi"], { oauthToken: OAUTH }), app, evil);
    await client.close();
  });

  // The same through a `queue=False` listener's direct call (`POST /run/predict`, docs/protocol.md §3.5).
  it("direct call with oauth_token: refused, the other origin receives nothing", async () => {
    const { app, evil } = await redirecting("/run/predict", status);
    const client = createClient(spec(app.url));
    await expectCrossOrigin(client.call(endpoint({ queued: false }), ["hi"], { oauthToken: OAUTH }), app, evil);
    await client.close();
  });
});

/** The user's file: its bytes must reach the app's origin or nobody. */
const FILE_SECRET = "private-file-SECRET-789";
const upload = (): EndpointSpec => endpoint({ params: [{ name: "file", files: [[]] }], oauthToken: undefined });

describe.each([307, 308])("upload answered with HTTP %i to another origin", (status) => {
  // Attack: an app (or a proxy in front of it) collecting users' files by bouncing `POST /upload`
  // to a host it controls: a 307/308 makes a redirect-following client post the same multipart body there.
  it.each([
    ["Node entry (node:http upload)", createClient],
    ["universal entry (fetch upload)", createUniversalClient],
  ])("%s: refused with CROSS_ORIGIN, the other origin receives nothing", async (_, create) => {
    const { app, evil } = await redirecting("/upload", status);
    const client = create(spec(app.url));
    const file = new Blob([FILE_SECRET], { type: "text/plain" });
    await expectCrossOrigin(client.call(upload(), [file]), app, evil);
    expect(app.seen.some((r) => r.path === "/upload" && r.body.includes(FILE_SECRET))).toBe(true);
    await client.close();
  });
});

describe("generator login (gradio-codegen --auth)", () => {
  // Attack: the app being generated from bounces `--auth` / $GRADIO_AUTH to a collector.
  it("a 307 of /login to another origin: exit 1, one paragraph naming both origins, nothing sent there", async () => {
    const { app, evil } = await redirecting("/login", 307);
    const out = `${workDir("hostile-login")}/app.ts`;
    const result = await runCli([app.url, "-o", out, "--auth", `alice:${PASSWORD}`, "--no-typecheck"]);
    expect(evil.seen).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^gradio-codegen: .*\n$/);
    expect(result.stderr).toContain(app.origin);
    expect(result.stderr).toContain(evil.origin);
    expect(result.stderr).not.toContain(PASSWORD);
  });
});
