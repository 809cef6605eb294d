/**
 * Where the runtime's credentials go (docs/protocol.md §1.4, §7 item 16): token, cookies and
 * per-call headers reach the trusted origin only — never a third-party URL (e.g. a file URL on
 * another host), never across a redirect to another origin, and not again after one. And the
 * cookie jar of the Gradio login (§5.4): one origin, `Secure` over https only, deletions honoured.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCookieJar } from "../../runtime/src/auth/cookies.js";
import { send, type HttpContext } from "../../runtime/src/transport/http.js";

const SECRETS = {
  "x-hf-authorization": "Bearer hf_secret",
  cookie: "access-token-unsecure-x=abc",
  "x-ip-token": "ip-secret",
};
const seen: { server: string; path: string; headers: Record<string, string | string[] | undefined> }[] = [];
const servers: Server[] = [];
let a = "";
let b = "";

async function start(name: string, route: (path: string) => string | null): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ server: name, path: req.url ?? "", headers: req.headers });
    const location = route(req.url ?? "");
    res.writeHead(location ? 302 : 200, location ? { location } : { "content-type": "text/plain" });
    res.end(location ? "" : "ok");
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  a = await start("a", (path) =>
    path === "/to-b" ? `${b}/file` : path === "/to-a" ? "/file" : path === "/bounce" ? `${b}/back` : null,
  );
  b = await start("b", (path) => (path === "/back" ? `${a}/file` : path === "/to-a" ? `${a}/file` : null));
});
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

const ctx = (): HttpContext => ({
  fetch: (u, i) => fetch(u, i),
  trustedOrigins: new Set([new URL(a).origin]),
  privateHeaders: SECRETS,
});
const leaked = (from: number) =>
  seen.slice(from).map((r) => ({
    server: r.server,
    path: r.path,
    secret: Object.keys(SECRETS).some((k) => r.headers[k] !== undefined),
  }));

describe("credentials policy of runtime/src/transport/http.ts", () => {
  it.each([
    ["the app's own origin keeps them", "/file", [{ server: "a", path: "/file", secret: true }]],
    [
      "a same-origin redirect keeps them",
      "/to-a",
      [
        { server: "a", path: "/to-a", secret: true },
        { server: "a", path: "/file", secret: true },
      ],
    ],
    [
      "a cross-origin redirect drops them",
      "/to-b",
      [
        { server: "a", path: "/to-b", secret: true },
        { server: "b", path: "/file", secret: false },
      ],
    ],
    [
      "…and they are not restored when the chain comes back",
      "/bounce",
      [
        { server: "a", path: "/bounce", secret: true },
        { server: "b", path: "/back", secret: false },
        { server: "a", path: "/file", secret: false },
      ],
    ],
  ])("%s", async (_, path, want) => {
    const from = seen.length;
    await (await send(ctx(), `${a}${path}`)).text();
    expect(leaked(from)).toEqual(want);
  });

  it("a third-party URL (e.g. a file on another host) gets none, nor the trusted origin it redirects to", async () => {
    const from = seen.length;
    await (await send(ctx(), `${b}/to-a`)).text();
    expect(leaked(from)).toEqual([
      { server: "b", path: "/to-a", secret: false },
      { server: "a", path: "/file", secret: false },
    ]);
  });
});

describe("login cookie jar", () => {
  const response = (...cookies: string[]) =>
    new Response("{}", { headers: cookies.map((c): [string, string] => ["set-cookie", c]) });

  it("answers only for its origin; Secure cookies only over https", () => {
    const jar = createCookieJar("http://127.0.0.1:1");
    jar.store(
      response(
        "access-token-k=v1; HttpOnly; Path=/; SameSite=none; Secure",
        "access-token-unsecure-k=v1; HttpOnly; Path=/; SameSite=lax",
      ),
      "http://127.0.0.1:1/app/login",
    );
    expect(jar.header("http://127.0.0.1:1/app/config")).toBe("access-token-unsecure-k=v1");
    expect(jar.header("http://127.0.0.1:2/app/config")).toBeNull();
    const https = createCookieJar("https://x.hf.space");
    https.store(response("s=1; Secure", "u=2"), "https://x.hf.space/login");
    expect(https.header("https://x.hf.space/config")).toBe("s=1; u=2");
  });

  it("ignores cookies from other origins and honours deletions", () => {
    const jar = createCookieJar("http://127.0.0.1:1");
    jar.store(response("a=1", "b=2"), "http://127.0.0.1:1/login");
    jar.store(response("evil=1"), "http://127.0.0.1:9/login");
    jar.store(response("a=; Max-Age=0", "b=; expires=Thu, 01 Jan 1970 00:00:00 GMT"), "http://127.0.0.1:1/logout");
    expect(jar.header("http://127.0.0.1:1/")).toBeNull();
    jar.store(response("c=3"), "http://127.0.0.1:1/login");
    expect(jar.header("http://127.0.0.1:1/")).toBe("c=3");
  });
});
