/**
 * Credentials in the generator's GETs (the runtime's send over undici; docs/protocol.md §1.4, §7 item 16): private headers go to
 * the first URL's origin only, and stay off once a redirect has left it — even if it comes back.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatorHttp, getJson } from "../../generator/load/http.js";

interface Seen {
  readonly server: string;
  readonly path: string;
  readonly secret: string | undefined;
}

const seen: Seen[] = [];
const servers: Server[] = [];
let a = "";
let b = "";

async function start(name: string, route: (path: string) => string | null): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ server: name, path: req.url ?? "", secret: req.headers["x-hf-authorization"] as string | undefined });
    const location = route(req.url ?? "");
    res.writeHead(location ? 302 : 200, location ? { location } : { "content-type": "application/json" });
    res.end(location ? "" : JSON.stringify({ ok: name }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  a = await start("a", (path) => ({ "/same": "/end", "/away": `${b}/end`, "/round": `${b}/back` })[path] ?? null);
  b = await start("b", (path) => (path === "/back" ? `${a}/end` : null));
});
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

describe("getJson privateHeaders", () => {
  it.each([
    // given path on a → want (server, path, got the secret) per hop
    ["/end", [["a", "/end", true]]],
    [
      "/same",
      [
        ["a", "/same", true],
        ["a", "/end", true],
      ],
    ],
    [
      "/away",
      [
        ["a", "/away", true],
        ["b", "/end", false],
      ],
    ],
    [
      "/round",
      [
        ["a", "/round", true],
        ["b", "/back", false],
        ["a", "/end", false],
      ],
    ],
  ] as const)("%s", async (path, hops) => {
    seen.length = 0;
    const { json } = await getJson(generatorHttp(a, { "x-hf-authorization": "Bearer hf_secret" }), `${a}${path}`);
    expect(json).toEqual({ ok: hops[hops.length - 1]?.[0] });
    expect(seen.map((s) => [s.server, s.path, s.secret === "Bearer hf_secret"])).toEqual(hops);
  });
});
