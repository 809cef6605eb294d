/**
 * Live: the Node entry honours HTTP_PROXY/NO_PROXY (Node's built-in fetch ignores them) through
 * the optional peer dependency undici. A real forward proxy on 127.0.0.1 (CONNECT tunnels and
 * absolute-form requests) records what went through it; the app behind it is a real Gradio app.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { connect as netConnect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const echo = endpoint("echo");
const describeFiles = {
  ...endpoint("describe_files", { params: ["files"] }),
  params: [{ name: "files", files: [["*"]] }],
};

/**
 * A forward proxy: `CONNECT host:port` tunnels and `GET http://host/path` requests, each recorded,
 * and the bytes clients sent through it (a tunnel stays open across requests: keep-alive).
 */
let proxy: { url: string; seen: string[]; bytesUp: number; server: Server };

beforeAll(async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "/");
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.on("data", (chunk: Buffer) => (proxy.bytesUp += chunk.length));
    req.pipe(upstream);
  });
  server.on("connect", (req, client, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host = "", port = "80"] = (req.url ?? "").split(":");
    const upstream = netConnect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      client.on("data", (chunk: Buffer) => (proxy.bytesUp += chunk.length));
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, bytesUp: 0, server };
});

afterAll(async () => {
  proxy.server.closeAllConnections();
  await new Promise((resolve) => proxy.server.close(resolve));
});

const PROXY_VARIABLES = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
];
const saved = { ...process.env };
// Each test sets exactly the variables it is about (the machine may have its own).
beforeEach(() => {
  for (const name of PROXY_VARIABLES) delete process.env[name];
});
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  proxy.seen.length = 0;
  proxy.bytesUp = 0;
});

const appHost = () => new URL(appUrl("rt_features")).host;

describe("proxy variables (Node entry)", () => {
  // The tests that expect no traffic come first: a tunnel the positive tests open stays alive (keep-alive).
  it("NO_PROXY exempting the app's host: nothing reaches the proxy", async () => {
    process.env["HTTP_PROXY"] = proxy.url;
    process.env["NO_PROXY"] = new URL(appUrl("rt_features")).hostname;
    await using client = createClient(appSpec("rt_features"));
    expect(await client.call(echo, ["direct"])).toEqual(["direct"]);
    expect({ seen: proxy.seen, bytesUp: proxy.bytesUp }).toEqual({ seen: [], bytesUp: 0 });
  });

  it("a user-supplied fetch wins over the proxy variables", async () => {
    process.env["HTTP_PROXY"] = proxy.url;
    let calls = 0;
    await using client = createClient(appSpec("rt_features"), {
      fetch: (input, init) => (calls++, globalThis.fetch(input, init)),
    });
    expect(await client.call(echo, ["mine"])).toEqual(["mine"]);
    expect(calls).toBeGreaterThan(0);
    expect({ seen: proxy.seen, bytesUp: proxy.bytesUp }).toEqual({ seen: [], bytesUp: 0 });
  });
  it("HTTP_PROXY: join, stream and result go through the proxy", async () => {
    process.env["HTTP_PROXY"] = proxy.url;
    await using client = createClient(appSpec("rt_features"));
    expect(await client.call(echo, ["through the proxy"])).toEqual(["through the proxy"]);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((line) => line.includes(appHost()))).toBe(true);
    expect(proxy.bytesUp).toBeGreaterThan(0);
  });

  it("a file upload goes through the proxy too (the node:http fast path steps aside)", async () => {
    process.env["HTTP_PROXY"] = proxy.url;
    const dir = mkdtempSync(join(tmpdir(), "rt-proxy-"));
    const text = "via proxy ".repeat(20_000);
    writeFileSync(join(dir, "a.txt"), text);
    await using client = createClient(appSpec("rt_features"));
    const [out] = (await client.call(describeFiles, [[join(dir, "a.txt")]])) as [string];
    expect(out.startsWith(`a.txt:${text.length}:via proxy`)).toBe(true);
    expect(proxy.bytesUp).toBeGreaterThan(text.length);
  });
});
