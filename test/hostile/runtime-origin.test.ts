/**
 * The runtime against apps that try to move its requests — and the credentials on them — to
 * another origin (README "Security model"). Each test plays one trick with a purpose-built server
 * and asserts what the other origin received: nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createCookieJar } from "../../runtime/src/auth/cookies.js";
import {
  GradioError,
  withHeartbeat as universalHeartbeat,
  type AppSpec,
  type EndpointSpec,
  type HttpContext,
} from "../../runtime/src/index.js";
import { createClient, withHeartbeat as nodeHeartbeat } from "../../runtime/src/node.js";
import { send } from "../../runtime/src/transport/http.js";
import { json, portPair, secretsIn, startHostile, type Hostile } from "./hostile-server.js";

const SECRET_HEADERS = { "x-secret": "user-header-secret", "x-hf-authorization": "Bearer hf_secret" };
const predict: EndpointSpec = {
  apiName: "predict",
  fnIndex: 0,
  inputs: [0],
  outputs: [0],
  params: [{ name: "text" }],
  returns: [{ name: "out" }],
};
const config = (apiPrefix: string) => ({
  version: "6.0.0",
  protocol: "sse_v3",
  api_prefix: apiPrefix,
  dependencies: [{ id: 0, api_name: "predict", inputs: [1], outputs: [2] }],
  components: [],
});
const spec = (baseUrl: string, overrides: Partial<AppSpec> = {}): AppSpec => ({
  source: baseUrl,
  baseUrl,
  spaceId: null,
  gradioVersion: "6.0.0",
  protocol: null,
  apiPrefix: null,
  connectHeartbeat: true,
  maxFileSize: null,
  ...overrides,
});

const servers: Hostile[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("api_prefix from /config (run-time discovery)", () => {
  // Attack: a Space's /config says `"api_prefix": "1"`, so `http://127.0.0.1:P` + `1` is port P·10+1
  // — another server, which then received the heartbeat with the user's headers (issue 10 item 2)
  // and the join.
  it('"1" moves nothing to port P·10+1: PROTOCOL before any API request', async () => {
    const { app, evil } = await portPair(
      (req, res) => (req.path === "/config" ? json(res, config("1")) : json(res, { detail: "Not Found" }, 404)),
      (_, res) => json(res, {}, 404),
    );
    servers.push(app, evil);
    const client = createClient(spec(app.url), { headers: SECRET_HEADERS });
    const error = await client.call(predict, ["hi"]).catch((e: unknown) => e);
    await client.close();
    expect(evil.seen).toEqual([]);
    expect(app.seen.map((r) => r.path)).toEqual(["/config"]);
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toBe("PROTOCOL");
    expect((error as GradioError).message).toMatch(/"api_prefix" "1" is not a path on the app's origin/);
  });

  // Attack: `https://o-s.hf.space` + `.evil.example` is a host the attacker owns; the Space's token
  // and every API request would go there. Played through an injected fetch (the host cannot resolve here).
  it('".evil.example" sends nothing to o-s.hf.space.evil.example', async () => {
    const requested: string[] = [];
    const fetch = (url: string) => {
      requested.push(url);
      return Promise.resolve(
        new Response(JSON.stringify(url.endsWith("/config") ? config(".evil.example") : {}), {
          headers: { "content-type": "application/json" },
        }),
      );
    };
    const client = createClient(spec("https://o-s.hf.space"), { fetch, token: "hf_secret" });
    const error = await client.call(predict, ["hi"]).catch((e: unknown) => e);
    await client.close();
    expect(requested).toEqual(["https://o-s.hf.space/config"]);
    expect((error as GradioError).code).toBe("PROTOCOL");
  });

  // A module generated from a hostile schema carries the prefix baked in: it is checked the same way.
  it.each(["//evil.example", "/a/../../x", "/%2e%2e/x", "/x@evil.example", "\\evil", "http://evil.example"])(
    "baked-in %j is refused before any request",
    async (prefix) => {
      const requested: string[] = [];
      const fetch = (url: string) => (requested.push(url), Promise.resolve(new Response("{}")));
      const client = createClient(spec("http://127.0.0.1:9", { apiPrefix: prefix, protocol: "sse_v3" }), { fetch });
      const error = await client.call(predict, ["hi"]).catch((e: unknown) => e);
      await client.close();
      expect(requested).toEqual([]);
      expect(error).toBeInstanceOf(GradioError);
      expect((error as GradioError).code).toBe("PROTOCOL");
    },
  );
});

describe("heartbeat pointed at another origin", () => {
  const context = (appOrigin: string): HttpContext => {
    const cookies = createCookieJar(appOrigin);
    cookies.store(
      new Response(null, { headers: { "set-cookie": "access-token-unsecure=c00kie" } }),
      `${appOrigin}/login`,
    );
    return {
      fetch: (url, init) => globalThis.fetch(url, init),
      trustedOrigins: new Set([appOrigin]),
      privateHeaders: SECRET_HEADERS,
      cookies,
    };
  };
  const sse = (res: import("node:http").ServerResponse) => (
    res.writeHead(200, { "content-type": "text/event-stream" }), res.end("data: ALIVE\n\n")
  );

  // Attack: `{api}/heartbeat/…` on a host the server chose; the Node heartbeat (its own node:http
  // request, outside the redirect-aware send) used to attach the token, user headers and cookies
  // without asking whose origin it was (issue 10 item 2).
  it.each([
    ["Node", nodeHeartbeat],
    ["universal", universalHeartbeat],
  ] as const)(
    "%s: the other origin gets no token, header or cookie; the app's own origin gets them",
    async (_, open) => {
      const app = await startHostile((_, res) => sse(res));
      const evil = await startHostile((_, res) => sse(res));
      servers.push(app, evil);
      const http = context(app.origin);
      for (const [server, want] of [
        [evil, []],
        [app, ["x-hf-authorization", "cookie", "x-secret"]],
      ] as const) {
        const received = server.next();
        const beat = open(http, `${server.url}/heartbeat/s1`, false);
        const release = beat.hold?.();
        const request = await received;
        release?.();
        beat.close();
        expect(secretsIn(request)).toEqual(want);
      }
    },
  );
});

describe("a Location that is not a URL", () => {
  // Fault: a broken proxy or app answering a redirect with garbage; it used to escape as a raw
  // `TypeError: Invalid URL` instead of a GradioError.
  it("→ PROTOCOL naming the request and the Location", async () => {
    const app = await startHostile((_, res) => (res.writeHead(302, { location: "http://[not-a-host" }), res.end()));
    servers.push(app);
    const error = await send(
      { fetch: (url, init) => globalThis.fetch(url, init), trustedOrigins: new Set([app.origin]), privateHeaders: {} },
      `${app.url}/config`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toBe("PROTOCOL");
    expect((error as GradioError).message).toContain(
      `GET ${app.url}/config answered HTTP 302 with a Location that is not a URL`,
    );
  });
});
