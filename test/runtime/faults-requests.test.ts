/**
 * Waiting and downloading against servers that misbehave (issue 10 items 8, 10, 11, 13): a
 * `/config` that is never answered is aborted when the call gives up (and the next call asks
 * again), a server that accepts and never answers ends in TIMEOUT by default, downloads take
 * `{ signal, timeout, maxBytes }`, and a truncated download leaves no file behind.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, GradioError, GradioFile } from "../../runtime/src/index.js";
import { createClient, saveFile } from "../../runtime/src/node.js";
import { completed, faultApp, faultServer, predict, sse, type Handler } from "./fault-server.js";

const hang: Handler = () => {};
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("default bounds", () => {
  it("answer headers within 30 s and 60 s of silence: a request that never answers fails well within 90 s", () => {
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_LIMITS.idleTimeoutMs).toBeLessThanOrEqual(60_000);
  });
});

describe("a /config that is never answered (a hung server)", () => {
  it("is aborted when the only waiting call times out, and the next call asks again", async () => {
    const server = await faultServer({ "/config": hang });
    const client = createClient(faultApp(server.url, { apiPrefix: null, protocol: null }));
    try {
      for (const attempt of [1, 2]) {
        const error = await client.call(predict(), ["hi"], { timeout: 1000 }).catch((e: unknown) => e);
        expect((error as GradioError).code).toBe("TIMEOUT");
        // The second call asked again instead of waiting on the first, dead request.
        await expect.poll(() => server.count("/config")).toBe(attempt);
      }
      for (const request of server.seen) expect(await within(request.closedByClient, 5000)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("fails with TIMEOUT naming limits.requestTimeoutMs when the call has no timeout", async () => {
    const server = await faultServer({ "/config": hang });
    const client = createClient(faultApp(server.url, { apiPrefix: null, protocol: null }), {
      limits: { requestTimeoutMs: 300 },
    });
    try {
      const error = await client.call(predict(), ["hi"]).catch((e: unknown) => e);
      expect((error as GradioError).code).toBe("TIMEOUT");
      expect((error as GradioError).message).toContain("limits.requestTimeoutMs");
    } finally {
      await client.close();
    }
  });
});

describe("a /config larger than limits.maxMessageBytes (a flooding server)", () => {
  it("fails with LIMIT_EXCEEDED naming the limit, with or without a Content-Length", async () => {
    const huge = JSON.stringify({ api_prefix: "", protocol: "sse_v3", padding: "x".repeat(2 * 1024 * 1024) });
    for (const declared of [true, false]) {
      const server = await faultServer({
        "/config": (_req, res) =>
          res.writeHead(200, declared ? { "content-length": String(huge.length) } : {}).end(huge),
      });
      const client = createClient(faultApp(server.url, { apiPrefix: null, protocol: null }), {
        limits: { maxMessageBytes: 1024 * 1024 },
      });
      try {
        const error = (await client.call(predict(), ["hi"]).catch((e: unknown) => e)) as GradioError;
        expect(error.code).toBe("LIMIT_EXCEEDED");
        expect(error.message).toContain("limits.maxMessageBytes");
      } finally {
        await client.close();
      }
    }
  });
});

describe("a direct call (queue=False) whose result is larger than limits.maxMessageBytes (a flooding server)", () => {
  it("fails with LIMIT_EXCEEDED naming the limit", async () => {
    const huge = JSON.stringify({ data: ["x".repeat(2 * 1024 * 1024)] });
    const server = await faultServer({
      "/run/predict": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(huge),
    });
    const client = createClient(faultApp(server.url), { limits: { maxMessageBytes: 1024 * 1024 } });
    try {
      const error = (await client
        .call({ ...predict(), queued: false }, ["hi"])
        .catch((e: unknown) => e)) as GradioError;
      expect(error.code).toBe("LIMIT_EXCEEDED");
      expect(error.message).toContain("limits.maxMessageBytes");
    } finally {
      await client.close();
    }
  });
});

describe("a join that is accepted and never answered (a hung server)", () => {
  it("fails with TIMEOUT naming limits.requestTimeoutMs, without any call timeout", async () => {
    const server = await faultServer({ "/queue/join": hang });
    const client = createClient(faultApp(server.url), { limits: { requestTimeoutMs: 300 } });
    try {
      const error = await client.call(predict(), ["hi"]).catch((e: unknown) => e);
      expect((error as GradioError).code).toBe("TIMEOUT");
      expect((error as GradioError).message).toContain("limits.requestTimeoutMs");
      expect(await within(server.seen[0]!.closedByClient, 5000)).toBe(true);
    } finally {
      await client.close();
    }
  });
});

/** A client whose one call returns a file served by `file`. */
async function fileFrom(file: Handler, limits = {}) {
  const server = await faultServer({
    "/file=": file,
    "/queue/data": (_req, res) => (
      sse(res)(
        completed("job-0", [{ path: "/tmp/report.txt", orig_name: "report.txt", meta: { _type: "gradio.FileData" } }]),
      ),
      res.end()
    ),
  });
  const client = createClient(faultApp(server.url), { limits });
  const [result] = await client.call(predict(true), ["x"]);
  await client.close();
  expect(result).toBeInstanceOf(GradioFile);
  return { server, file: result as GradioFile };
}

describe("downloads (a hung or flooding file server)", () => {
  it("bytes(), text(), blob() take { signal, timeout }: the request is aborted and the error typed", async () => {
    const { server, file } = await fileFrom((_req, res) =>
      res.writeHead(200, { "content-type": "text/plain" }).write("partial"),
    );
    expect(((await file.bytes({ timeout: 200 }).catch((e: unknown) => e)) as GradioError).code).toBe("TIMEOUT");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(((await file.text({ signal: controller.signal }).catch((e: unknown) => e)) as GradioError).code).toBe(
      "ABORTED",
    );
    expect(((await file.blob({ signal: AbortSignal.timeout(100) }).catch((e: unknown) => e)) as GradioError).code).toBe(
      "TIMEOUT",
    );
    const downloads = server.seen.filter((s) => s.path.startsWith("/file="));
    expect(downloads).toHaveLength(3);
    for (const request of downloads) expect(await within(request.closedByClient, 5000)).toBe(true);
  });

  it("silence for limits.idleTimeoutMs fails a download without a timeout", async () => {
    const { file } = await fileFrom((_req, res) => res.writeHead(200).write("partial"), { idleTimeoutMs: 200 });
    const error = (await file.bytes().catch((e: unknown) => e)) as GradioError;
    expect(error.code).toBe("NETWORK");
    expect(error.message).toContain("limits.idleTimeoutMs");
  });

  it("a file over maxBytes fails with LIMIT_EXCEEDED, with or without a Content-Length", async () => {
    const big = Buffer.alloc(300 * 1024, 97);
    const declared = await fileFrom((_req, res) =>
      res.writeHead(200, { "content-length": String(big.length) }).end(big),
    );
    const chunked = await fileFrom(
      (_req, res) => (res.writeHead(200), res.write(big.subarray(0, 150_000)), res.end(big.subarray(150_000))),
      { maxDownloadBytes: 200 * 1024 },
    );
    for (const error of [
      await declared.file.bytes({ maxBytes: 200 * 1024 }).catch((e: unknown) => e),
      await chunked.file.text().catch((e: unknown) => e),
    ]) {
      expect((error as GradioError).code).toBe("LIMIT_EXCEEDED");
      expect((error as GradioError).message).toContain("maxDownloadBytes");
    }
    expect((await declared.file.bytes()).byteLength).toBe(big.length);
  });

  it("saveFile: a download that breaks off leaves no file (a truncated download), and it takes { timeout }", async () => {
    const { file } = await fileFrom((_req, res) => {
      res.writeHead(200, { "content-length": "100000" }).write(Buffer.alloc(1000, 97));
      setTimeout(() => res.destroy(), 50);
    });
    const dir = mkdtempSync(join(tmpdir(), "gradio-truncated-"));
    const error = (await saveFile(file, dir).catch((e: unknown) => e)) as GradioError;
    expect(error).toBeInstanceOf(GradioError);
    expect(error.code).toBe("NETWORK");
    expect(readdirSync(dir)).toEqual([]);
    const hung = await fileFrom((_req, res) => res.writeHead(200).write("partial"));
    expect(((await saveFile(hung.file, dir, { timeout: 200 }).catch((e: unknown) => e)) as GradioError).code).toBe(
      "TIMEOUT",
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
