/**
 * The Node entry's `fetch`: node:http(s) over keep-alive agents instead of Node's built-in fetch
 * (measured here: 2.1–2.7× less CPU per join-sized request), and undici's proxy agent where a
 * proxy variable applies (proxy.ts). It implements what the runtime sends — string, bytes,
 * URLSearchParams, Blob or web-stream bodies; `redirect` is always manual (transport/http.ts follows
 * redirects itself, with its credentials policy) — and answers a standard `Response`. Small answers
 * with a Content-Length are buffered; others (the SSE streams, file downloads) stream.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { FetchLike } from "../transport/http.js";
import { proxyAwareFetch, usesProxy } from "./proxy.js";

// Idle keep-alive sockets are unref'd by Node's agent: they never hold the process.
const agents = { "http:": new HttpAgent({ keepAlive: true }), "https:": new HttpsAgent({ keepAlive: true }) };
const BUFFERED_MAX = 1 << 20;
const NULL_BODY = new Set([204, 205, 304]);

/** A `fetch` for the runtime's own requests in Node. */
export const nodeFetch: FetchLike = (input, init = {}) => (usesProxy(input) ? proxyAwareFetch(input, init) : httpFetch(input, init));

function httpFetch(input: string, init: RequestInit): Promise<Response> {
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const url = new URL(input);
    const secure = url.protocol === "https:";
    const request = (secure ? httpsRequest : httpRequest)(url, { method: init.method ?? "GET", headers: Object.fromEntries(new Headers(init.headers)), agent: agents[secure ? "https:" : "http:"] });
    const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    request.on("error", (error) => (done(), reject(signal?.aborted ? signal.reason : error)));
    request.on("response", (incoming) => {
      const status = incoming.statusCode ?? 502;
      const headers = new Headers();
      const raw = incoming.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
      const meta = { status, statusText: incoming.statusMessage ?? "", headers };
      if (status < 200) return (done(), request.destroy(), reject(new Error(`unexpected HTTP ${status} answer`)));
      if (NULL_BODY.has(status)) return (done(), incoming.resume(), resolve(new Response(null, meta)));
      const length = Number(headers.get("content-length") ?? Number.NaN);
      if (length <= BUFFERED_MAX) return void collect(incoming, signal, done).then((bytes) => resolve(new Response(bytes, meta)), reject);
      // A streamed body: the abort listener stays until the body ends, so aborting still stops it.
      incoming.on("close", done);
      resolve(new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, meta));
    });
    void writeBody(request, init.body ?? null).catch((error: unknown) => request.destroy(error instanceof Error ? error : new Error(String(error))));
  });
}

function collect(incoming: IncomingMessage, signal: AbortSignal | undefined, done: () => void): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("error", (error) => (done(), reject(signal?.aborted ? signal.reason : error)));
    // Buffer.concat allocates from an ArrayBuffer, never a SharedArrayBuffer.
    incoming.on("end", () => (done(), resolve(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>)));
  });
}

async function writeBody(request: ClientRequest, body: BodyInit | null): Promise<void> {
  if (body === null) return void request.end();
  if (typeof body === "string" || body instanceof URLSearchParams) return void request.end(String(body));
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return void request.end(body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  if (body instanceof Blob) request.setHeader("content-length", body.size);
  const stream = body instanceof Blob ? body.stream() : body instanceof ReadableStream ? (body as ReadableStream<Uint8Array>) : null;
  if (!stream) throw new TypeError(`unsupported request body ${Object.prototype.toString.call(body)}`);
  for await (const chunk of stream) {
    if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
  }
  request.end();
}
