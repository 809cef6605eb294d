/**
 * `gradio-codegen <url>` against apps that misbehave on purpose while their schema is read: a
 * hostile `api_prefix`, redirects away and in circles, an endless `/config`, and a token over
 * plain http. Each asserts what the other origin received — nothing — and that the CLI fails with
 * one paragraph and no output file. Runs the built CLI (`npm run build` first).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";
import { json, portPair, redirect, secretsIn, startHostile, type Hostile, type Script } from "./hostile-server.js";

const TOKEN = "hf_TOKEN_SECRET_789";
const snapshot = JSON.parse(readFileSync(join(EXAMPLES_DIR, "calculator", "schema.json"), "utf8")) as {
  config: Record<string, unknown>;
  info: unknown;
};
const dir = workDir("hostile-generator");
const servers: Hostile[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A Gradio-like app: a login that sets a cookie, `/config` (patched), `/info`; `override` plays the trick. */
const app =
  (configPatch: Record<string, unknown>, override: Script | null = null): Script =>
  (req, res) => {
    if (override && !res.headersSent) override(req, res);
    if (res.headersSent) return;
    if (req.path === "/login")
      return json(res, { success: true }, 200, { "set-cookie": "access-token-unsecure-x=c00kie; Path=/" });
    if (req.path === "/config") return json(res, { ...snapshot.config, ...configPatch });
    if (req.path.startsWith("/gradio_api/info")) return json(res, snapshot.info);
    json(res, { detail: "Not Found" }, 404);
  };

async function generate(
  source: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<CliResult & { out: string }> {
  const out = join(dir, `app-${++n}.ts`);
  const result = await runCli([source, "-o", out, "--no-typecheck", ...args], {
    env: { HF_TOKEN: "", GRADIO_AUTH: "", ...env },
    timeoutMs: 30_000,
  });
  return { ...result, out };
}

function expectOneParagraph(result: CliResult & { out: string }, message: RegExp): void {
  expect(result.stderr).toMatch(/^gradio-codegen: [^\n]*\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
  expect(existsSync(result.out)).toBe(false);
}

describe("api_prefix", () => {
  // Attack (issue 10 item 1): `/config` says `"api_prefix": "1"`; `http://127.0.0.1:P` + `1` is port
  // P·10+1, a server the attacker runs, and `GET …/info` went there with the login cookie.
  it('"1": exit 1 with the JSON pointer; port P·10+1 receives nothing', async () => {
    const { app: host, evil } = await portPair(app({ api_prefix: "1" }), (_, res) => json(res, snapshot.info));
    servers.push(host, evil);
    const result = await generate(host.url, ["--auth", "alice:pw"]);
    expect(evil.seen).toEqual([]);
    expectOneParagraph(result, /"api_prefix" "1" is not a path on the app's origin.*\(at \/config\/api_prefix\)/);
  });

  // Attack: `https://o-s.hf.space` + `.evil.example` → `o-s.hf.space.evil.example`, which received
  // `GET /info` with the Hugging Face token. Played through a forward proxy (HTTP_PROXY), which
  // sees every host the generator asks for, resolvable or not.
  it('".evil.example": exit 1; no request to o-s.hf.space.evil.example, no token anywhere', async () => {
    const proxy = await startHostile((req, res) =>
      req.host === "o-s.hf.space" ? app({ api_prefix: ".evil.example" })(req, res) : json(res, snapshot.info),
    );
    servers.push(proxy);
    const result = await generate("http://o-s.hf.space", ["--hf-token", TOKEN], {
      HTTP_PROXY: proxy.url,
      http_proxy: proxy.url,
      NO_PROXY: "",
      no_proxy: "",
    });
    expect(proxy.seen.map((r) => r.host)).toEqual(["o-s.hf.space"]);
    expect(proxy.seen.flatMap((r) => secretsIn(r, [TOKEN]))).toEqual([]);
    expectOneParagraph(result, /"api_prefix" ".evil.example" is not a path.*\/config\/api_prefix/);
  });
});

describe("api_prefix in a schema file", () => {
  // Attack: a snapshot shared in a repository or an issue, edited so that the module it generates
  // sends its API requests (and the user's token) to another host.
  it('"//evil.example" in a saved snapshot: exit 1 with the JSON pointer, no module', async () => {
    const file = join(dir, "hostile.schema.json");
    writeFileSync(file, JSON.stringify({ ...snapshot, config: { ...snapshot.config, api_prefix: "//evil.example" } }));
    const result = await generate(file);
    expectOneParagraph(
      result,
      /"api_prefix" "\/\/evil.example" is not a path on the app's origin .*\(at \/config\/api_prefix\)/,
    );
  });
});

describe("where the token and cookies go", () => {
  // Attack: a token sent in clear over plain http can be read by anyone on the path; the runtime
  // sends it to https Space hosts only, and the generator used to send it to `http://*.hf.space` too.
  it("a plain-http *.hf.space URL gets no token (the runtime's rule), and generation succeeds", async () => {
    const proxy = await startHostile((req, res) =>
      req.host === "o-s.hf.space" ? app({})(req, res) : json(res, {}, 404),
    );
    servers.push(proxy);
    const result = await generate("http://o-s.hf.space", ["--hf-token", TOKEN], {
      HTTP_PROXY: proxy.url,
      http_proxy: proxy.url,
      NO_PROXY: "",
      no_proxy: "",
    });
    expect(proxy.seen.flatMap((r) => secretsIn(r, [TOKEN]))).toEqual([]);
    expect(proxy.seen.map((r) => r.path)).toEqual(["/config", "/gradio_api/info"]);
    expect(result.stderr).toMatch(/^wrote .* \(1 endpoint\(s\)\)\n$/);
    expect(result.code).toBe(0);
  });

  // Attack: `Location` pointing at another origin, to collect the session cookie of `--auth`.
  // (Already guarded before; kept so the shared rule cannot regress.)
  it("a redirect of /config to another origin: the other origin gets no cookie", async () => {
    const evil = await startHostile((_, res) => json(res, { detail: "gone" }, 404));
    const host = await startHostile(
      app({}, (req, res) => (req.path === "/config" ? redirect(res, 302, `${evil.url}/config`) : undefined)),
    );
    servers.push(host, evil);
    const result = await generate(host.url, ["--auth", "alice:pw"]);
    expectOneParagraph(result, /HTTP 404/);
    expect(host.seen.find((r) => r.path === "/config")?.headers.cookie).toBe("access-token-unsecure-x=c00kie");
    expect(evil.seen.map((r) => [r.path, secretsIn(r)])).toEqual([["/config", []]]);
  });
});

describe("faults", () => {
  // Fault: a misconfigured proxy or app redirecting /config to itself (issue 10 item 15): the
  // message used to be `answered HTTP 302 with ""`.
  it('a redirect loop says "too many redirects"', async () => {
    const host = await startHostile((_, res) => redirect(res, 302, "/config"));
    servers.push(host);
    const result = await generate(host.url);
    expectOneParagraph(result, new RegExp(`GET ${host.url}/config failed: too many redirects \\(more than 10\\)`));
  });

  // Fault/attack (issue 10 item 11): an endless or huge /config exhausts memory; the read stops at
  // the limit (GRADIO_CODEGEN_MAX_RESPONSE_MB, lowered here to 1 MB), with or without Content-Length.
  it.each([
    ["streamed without Content-Length", false],
    ["declared by Content-Length", true],
  ])("a /config over the limit, %s: TOO_LARGE naming the limit and how to raise it", async (_, declared) => {
    const padded = JSON.stringify({ ...snapshot.config, padding: "x".repeat(2 * 1024 * 1024) });
    const host = await startHostile(
      app({}, (req, res) => {
        if (req.path !== "/config") return;
        res.writeHead(200, {
          "content-type": "application/json",
          ...(declared ? { "content-length": String(Buffer.byteLength(padded)) } : {}),
        });
        res.end(padded);
      }),
    );
    servers.push(host);
    const result = await generate(host.url, [], { GRADIO_CODEGEN_MAX_RESPONSE_MB: "1" });
    expectOneParagraph(result, /more than the limit of 1 MB .*GRADIO_CODEGEN_MAX_RESPONSE_MB=<megabytes>/);
  });
});
