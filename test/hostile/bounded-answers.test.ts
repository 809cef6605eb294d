/**
 * Answers that never end: a join or a login answered with an endless body (issue 10 item 11's
 * leftovers). No real Gradio does this; it stands for a hostile or broken app (or a proxy in front
 * of it) that exhausts a client's memory by streaming an answer the client reads whole. The runtime
 * must stop reading at its bound: a join's answer at `limits.maxMessageBytes` (LIMIT_EXCEEDED), an
 * error answer's body and a login answer at a fixed prefix (the typed error quotes what was read).
 */
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { GradioError, HttpError, type AppSpec, type EndpointSpec } from "../../runtime/src/index.js";
import { createClient } from "../../runtime/src/node.js";
import { json, startHostile, type Hostile } from "./hostile-server.js";

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
const endpoint: EndpointSpec = {
  apiName: "predict",
  fnIndex: 0,
  inputs: [0],
  outputs: [0],
  params: [{ name: "text" }],
  returns: [{ name: "out" }],
};

/** Writes 64 KiB chunks until the client goes away; records how many bytes it got rid of. */
function endless(response: ServerResponse, status: number, sent: { bytes: number }): void {
  response.writeHead(status, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, "x");
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk)) sent.bytes += chunk.length;
    if (!response.destroyed) response.once("drain", pump);
  };
  response.write('{"event_id": "');
  pump();
}

/** An app whose `path` answers `status` with an endless body; everything else is a 404. */
async function app(path: string, status: number): Promise<{ app: Hostile; sent: { bytes: number } }> {
  const sent = { bytes: 0 };
  const server = await startHostile((req, res) =>
    req.path === path ? endless(res, status, sent) : json(res, { detail: "Not Found" }, 404),
  );
  servers.push(server);
  return { app: server, sent };
}

const MiB = 1024 * 1024;

describe("an endless answer is read up to a bound, never whole", () => {
  it("join answered 200 with an endless body: LIMIT_EXCEEDED naming limits.maxMessageBytes", async () => {
    const { app: server, sent } = await app("/queue/join", 200);
    const client = createClient(spec(server.url), { limits: { maxMessageBytes: MiB } });
    const error = await client.call(endpoint, ["hi"]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toBe("LIMIT_EXCEEDED");
    expect((error as GradioError).message).toContain("limits.maxMessageBytes");
    expect((error as GradioError).message).toContain(`${server.url}/queue/join`);
    // It stopped reading about there (the socket's buffers hold a few MiB at most).
    expect(sent.bytes).toBeLessThan(64 * MiB);
    await client.close();
  }, 20_000);

  it("join answered 500 with an endless body: an HttpError quoting a bounded prefix", async () => {
    const { app: server } = await app("/queue/join", 500);
    const client = createClient(spec(server.url));
    const error = await client.call(endpoint, ["hi"]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).body.length).toBeLessThanOrEqual(64 * 1024);
    await client.close();
  }, 20_000);

  it("login answered 400 with an endless body: AUTH_FAILED, the body read up to a bounded prefix", async () => {
    const { app: server } = await app("/login", 400);
    const client = createClient(spec(server.url), { auth: { username: "alice", password: "pw" } });
    const error = await client.call(endpoint, ["hi"]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe("AUTH_FAILED");
    expect((error as HttpError).body.length).toBeLessThanOrEqual(MiB);
    await client.close();
  }, 20_000);
});
