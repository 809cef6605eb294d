/**
 * Stream file inputs without Gradio (runtime/src/files/stream-source.ts, multipart.ts,
 * fetch-upload.ts, node/upload.ts): claiming (once only), reading (size, chunk types, failures),
 * release, the multipart layout (hostile names and types), the fetch path's streaming, fallback and
 * redirect rules with a scripted fetch, and the node:http framing (chunked vs Content-Length)
 * against a local recording server.
 */
import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { sendFetchUpload } from "../../runtime/src/files/fetch-upload.js";
import { toFileSlot, type BlobContent } from "../../runtime/src/files/file-input.js";
import { layoutLength, multipartBody, multipartLayout, multipartReadable } from "../../runtime/src/files/multipart.js";
import { claimStream, StreamContent } from "../../runtime/src/files/stream-source.js";
import { GradioError } from "../../runtime/src/errors.js";
import { sendNodeUpload } from "../../runtime/src/node/upload.js";
import type { FetchLike, HttpContext } from "../../runtime/src/transport/http.js";

const enc = (text: string) => new TextEncoder().encode(text);
const webStream = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) });
/** All items of an async iterable (Array.fromAsync is Node 22+). */
async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
const bytesOf = async (content: StreamContent) => Buffer.concat(await drain(content.chunks())).toString();
const failureOf = async (run: () => Promise<unknown>) =>
  run().then(
    () => new Error("no failure"),
    (e: unknown) => e,
  );
const dir = mkdtempSync(join(tmpdir(), "stream-input-unit-"));

afterEach(() => vi.unstubAllGlobals());

describe("claiming a stream", () => {
  it("names: a named stream keeps its name, an fs.ReadStream is named after its file, others are 'file'", () => {
    const path = join(dir, "räume.wav");
    writeFileSync(path, "x");
    expect(claimStream({ stream: webStream(), name: "a.mp3", type: "audio/mpeg", size: 0 })).toMatchObject({
      name: "a.mp3",
      type: "audio/mpeg",
      size: 0,
    });
    expect(claimStream({ stream: webStream(), name: "" }).name).toBe("file");
    const disk = createReadStream(path);
    expect(claimStream(disk).name).toBe("räume.wav");
    disk.destroy();
    expect(claimStream(webStream()).name).toBe("file");
  });

  it.each([
    ["claimed before", (s: ReadableStream<Uint8Array>) => void claimStream(s), /already used/],
    ["locked by another reader", (s: ReadableStream<Uint8Array>) => void s.getReader(), /locked/],
  ])("a web stream %s → INVALID_ARGUMENT", (_, before, message) => {
    const stream = webStream(enc("x"));
    before(stream);
    expect(() => claimStream(stream)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", message: expect.stringMatching(message) }),
    );
  });

  it("a Node Readable already read from, or destroyed → INVALID_ARGUMENT", async () => {
    const read = Readable.from([Buffer.from("x")]);
    await drain(read);
    const destroyed = Readable.from([Buffer.from("x")]).destroy();
    for (const stream of [read, destroyed])
      expect(() => claimStream(stream)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])("size %s → INVALID_ARGUMENT", (size) => {
    expect(() => claimStream({ stream: webStream(), name: "x", size })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("an fs.ReadStream (which has a string `path`) is a stream input, not FileData", async () => {
    const path = join(dir, "not-file-data.txt");
    writeFileSync(path, "x");
    const slot = await toFileSlot(createReadStream(path), undefined);
    expect(slot.data).toBeUndefined();
    expect(slot.content).toBeInstanceOf(StreamContent);
    (slot.content as StreamContent).cancel();
  });
});

describe("reading a claimed stream", () => {
  it("yields the bytes once; a second read is INVALID_ARGUMENT", async () => {
    const content = claimStream(webStream(enc("ab"), new Uint8Array(0), enc("c")));
    expect(await bytesOf(content)).toBe("abc");
    await expect(bytesOf(content)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("any ArrayBufferView counts as bytes; strings do not", async () => {
    const view = new Uint16Array([0x6968]); // "hi" little-endian
    expect(await bytesOf(claimStream(Readable.from([view], { objectMode: true })))).toBe("hi");
    const text = Readable.from(["text"]);
    await expect(bytesOf(claimStream(text))).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringMatching(/produced a string/),
    });
  });

  it.each([
    [4, /longer than its declared size of 4/],
    [6, /ended after 5 bytes, short of its declared size of 6/],
  ])("declared size %s for 5 bytes → INVALID_ARGUMENT", async (size, message) => {
    await expect(
      bytesOf(claimStream({ stream: webStream(enc("hel"), enc("lo")), name: "n", size })),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(message) });
  });

  it("a source failure → INVALID_ARGUMENT naming the file and the bytes read, with the cause", async () => {
    const cause = new Error("gone");
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => (pulls++ === 0 ? c.enqueue(enc("abc")) : c.error(cause)),
    });
    const error = await failureOf(() => bytesOf(claimStream({ stream, name: "x.bin" })));
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      message: 'the stream of file "x.bin" failed after 3 bytes: gone',
      cause,
    });
  });

  it("cancel() releases the source: a Node Readable is destroyed, a web stream cancelled and kept locked", async () => {
    const node = Readable.from([Buffer.from("x")]);
    claimStream(node).cancel();
    expect(node.destroyed).toBe(true);
    const onCancel = vi.fn();
    const web = new ReadableStream<Uint8Array>({ cancel: onCancel });
    claimStream(web).cancel("why");
    await Promise.resolve();
    expect(onCancel).toHaveBeenCalledWith("why");
    expect(web.locked).toBe(true);
  });
});

describe("multipart layout", () => {
  const hostile = 'a"b\r\nX-Injected: 1\r\n\r\n\\c.txt';

  it("quotes, line breaks and backslashes in names never leave the filename; a bad MIME type becomes octet-stream", async () => {
    const content = claimStream({ stream: webStream(enc("x")), name: hostile, type: "text/plain\r\nX-Evil: 1" });
    const text = await new Response(multipartReadable(multipartLayout([content]), () => undefined)).text();
    const headers = text.split("\r\n\r\n")[0]?.split("\r\n") ?? [];
    expect(headers.slice(1)).toEqual([
      'Content-Disposition: form-data; name="files"; filename="a_b__X-Injected: 1_____c.txt"',
      "Content-Type: application/octet-stream",
    ]);
  });

  it("the streamed body has the same bytes as the Blob body, and layoutLength counts UTF-8 bytes", async () => {
    const files: BlobContent[] = [
      { blob: new Blob(["één"], { type: "text/plain;charset=utf-8" }), name: "ünï.txt" },
      { blob: new Blob([new Uint8Array([0, 255])]), name: "b" },
    ];
    const layout = multipartLayout(files);
    const streamed = new Uint8Array(await new Response(multipartReadable(layout, () => undefined)).arrayBuffer());
    const { body, contentType } = multipartBody(files);
    // Each body has its own random boundary: compare them with the boundary taken out.
    const unbounded = (bytes: Uint8Array, type: string) =>
      Buffer.from(bytes)
        .toString("latin1")
        .replaceAll(type.split("boundary=")[1] as string, "<b>");
    expect(unbounded(streamed, layout.contentType)).toBe(
      unbounded(new Uint8Array(await body.arrayBuffer()), contentType),
    );
    expect(layoutLength(layout)).toBe(streamed.byteLength);
    expect(layoutLength(multipartLayout([claimStream({ stream: webStream(), name: "s" })]))).toBeUndefined();
    expect(
      layoutLength(multipartLayout([claimStream({ stream: webStream(enc("12")), name: "s", size: 2 })])),
    ).toBeGreaterThan(2);
  });
});

describe("uploads through fetch", () => {
  const http = (fetch: FetchLike): HttpContext => ({
    fetch,
    trustedOrigins: new Set(["http://app.test"]),
    privateHeaders: {},
  });
  const ok = () =>
    new Response(JSON.stringify(["/tmp/x"]), { status: 200, headers: { "content-type": "application/json" } });
  const url = "http://app.test/gradio_api/upload";

  it("a stream goes as a streaming body with duplex: half, read only as fetch asks", async () => {
    const seen: { duplex: unknown; text: string }[] = [];
    const fetch: FetchLike = async (_, init) => (
      seen.push({ duplex: (init as { duplex?: unknown }).duplex, text: await new Response(init?.body).text() }), ok()
    );
    const response = await sendFetchUpload(
      http(fetch),
      url,
      [claimStream({ stream: webStream(enc("streamed")), name: "s.txt" })],
      undefined,
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.duplex).toBe("half");
    expect(seen[0]?.text).toMatch(/filename="s.txt"\r\nContent-Type: application\/octet-stream\r\n\r\nstreamed\r\n--/);
  });

  it("refused before any byte was read → collected and sent once more as a Blob", async () => {
    const bodies: string[] = [];
    const fetch: FetchLike = async (_, init) => {
      bodies.push(
        init?.body instanceof ReadableStream
          ? "stream"
          : init?.body instanceof Blob
            ? `blob:${(await init.body.text()).includes("\r\n\r\nabc\r\n")}`
            : "other",
      );
      if (init?.body instanceof ReadableStream) throw new TypeError("Failed to fetch");
      return ok();
    };
    await sendFetchUpload(http(fetch), url, [claimStream(webStream(enc("abc")))], undefined);
    expect(bodies).toEqual(["stream", "blob:true"]);
  });

  it("no request streams on this platform (no duplex) → collected into a Blob at once", async () => {
    vi.stubGlobal(
      "Request",
      class {
        constructor() {
          throw new TypeError("no streams");
        }
      },
    );
    const bodies: unknown[] = [];
    const fetch: FetchLike = async (_, init) => (bodies.push(init?.body?.constructor.name), ok());
    await sendFetchUpload(http(fetch), url, [claimStream(webStream(enc("abc")))], undefined);
    expect(bodies).toEqual(["Blob"]);
  });

  it("collecting a stalled stream stops at the signal, with its reason, and cancels the stream", async () => {
    vi.stubGlobal("Request", undefined);
    const onCancel = vi.fn();
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(enc("a")), cancel: onCancel });
    const controller = new AbortController();
    const reason = new GradioError("TIMEOUT", "too slow");
    setTimeout(() => controller.abort(reason), 30);
    const fetch = vi.fn<FetchLike>(async () => ok());
    expect(await failureOf(() => sendFetchUpload(http(fetch), url, [claimStream(stalled)], controller.signal))).toBe(
      reason,
    );
    expect(onCancel).toHaveBeenCalledWith(reason);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a failure after the caller's bytes were read is reported, not retried", async () => {
    let calls = 0;
    const fetch: FetchLike = async (_, init) => {
      calls++;
      const body = init?.body as ReadableStream<Uint8Array>;
      const reader = body.getReader();
      await reader.read();
      await reader.read();
      throw new TypeError("connection reset");
    };
    const error = await failureOf(() =>
      sendFetchUpload(http(fetch), url, [claimStream(webStream(enc("abc"), enc("def")))], undefined),
    );
    expect(error).toMatchObject({ code: "NETWORK" });
    expect(calls).toBe(1);
  });

  it("a redirect of a stream upload → INVALID_ARGUMENT (its bytes cannot be sent twice)", async () => {
    const fetch: FetchLike = async () =>
      new Response(null, { status: 307, headers: { location: "http://app.test/elsewhere" } });
    const error = await failureOf(() =>
      sendFetchUpload(http(fetch), url, [claimStream(webStream(enc("abc")))], undefined),
    );
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringMatching(/redirected.*cannot be sent twice/),
    });
  });

  it("a source failure is reported as the stream's INVALID_ARGUMENT, not as NETWORK", async () => {
    const fetch: FetchLike = async (_, init) => (await new Response(init?.body).arrayBuffer(), ok());
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("bad sector")) });
    const error = await failureOf(() => sendFetchUpload(http(fetch), url, [claimStream(stream)], undefined));
    expect(error).toBeInstanceOf(GradioError);
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/bad sector/) });
  });
});

describe("uploads with node:http", () => {
  const received: { headers: IncomingHttpHeaders; body: string; path: string }[] = [];
  let server: Server | undefined;
  let origin = "";
  const start = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString(), path: req.url ?? "" });
        if (req.url === "/redirect") res.writeHead(307, { location: "/upload" }).end();
        else res.writeHead(200, { "content-type": "application/json" }).end('["/tmp/x"]');
      });
    });
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  afterAll(() => new Promise((r) => server?.close(r)));
  const ctx = (): HttpContext => ({ fetch: globalThis.fetch, trustedOrigins: new Set([origin]), privateHeaders: {} });

  it("size unknown → chunked; size known → Content-Length; the same bytes either way", async () => {
    await start();
    received.length = 0;
    await sendNodeUpload(
      ctx(),
      `${origin}/upload`,
      [claimStream({ stream: Readable.from([Buffer.from("node "), Buffer.from("bytes")]), name: "n.txt" })],
      undefined,
    );
    await sendNodeUpload(
      ctx(),
      `${origin}/upload`,
      [claimStream({ stream: webStream(enc("node "), enc("bytes")), name: "n.txt", size: 10 })],
      undefined,
    );
    expect(
      received.map((r) => [
        r.headers["transfer-encoding"],
        r.headers["content-length"] === String(Buffer.byteLength(r.body)),
      ]),
    ).toEqual([
      ["chunked", false],
      [undefined, true],
    ]);
    for (const r of received)
      expect(r.body).toMatch(/filename="n.txt"\r\nContent-Type: application\/octet-stream\r\n\r\nnode bytes\r\n--/);
  });

  it("a source failure → INVALID_ARGUMENT (not NETWORK); a redirect → INVALID_ARGUMENT, not an empty resend", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start: (c) => (c.enqueue(enc("abc")), c.error(new Error("unplugged"))),
    });
    expect(
      await failureOf(() => sendNodeUpload(ctx(), `${origin}/upload`, [claimStream(broken)], undefined)),
    ).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/unplugged/) });
    received.length = 0;
    const error = await failureOf(() =>
      sendNodeUpload(ctx(), `${origin}/redirect`, [claimStream(webStream(enc("abc")))], undefined),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringMatching(/cannot be sent again/) });
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
  });
});
