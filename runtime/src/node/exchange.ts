/**
 * One HTTP request over node:http(s), for `sendVia` (transport/http.ts keeps the credentials
 * policy, redirects and error mapping). The request body is written from Node streams — no web
 * streams — and the (small) response is buffered into a `Response`. Abort destroys the socket.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Exchange } from "../transport/http.js";

/** A request body Node can write itself: its length is known before the first byte. */
export interface NodeBody {
  readonly length: number;
  /** Writes the whole body (not `end()`); rejects when the body cannot be produced. */
  write(request: ClientRequest, stop: AbortSignal): Promise<void>;
}

/** Makes one request with node:http(s); the promise rejects with the signal's reason on abort. */
export const nodeExchange: Exchange<NodeBody> = (url, { method, headers, body, signal }) =>
  new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const target = new URL(url);
    const stop = new AbortController();
    const lengthHeader: Record<string, string> = body ? { "content-length": String(body.length) } : {};
    const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, {
      method,
      headers: { ...headers, ...lengthHeader },
    });
    let settled = false;
    const finish = (error: unknown, response?: Response) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      stop.abort();
      if (response) return resolve(response);
      request.destroy();
      reject(error);
    };
    const onAbort = () => finish(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => finish(error));
    request.on("response", (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", (error) => finish(error));
      incoming.on("end", () => finish(null, toResponse(incoming, Buffer.concat(chunks))));
    });
    if (!body) return void request.end();
    body.write(request, stop.signal).then(
      () => request.end(),
      (error: unknown) => finish(error),
    );
  });

const NULL_BODY = new Set([101, 204, 205, 304]);

function toResponse(incoming: IncomingMessage, bytes: Buffer): Response {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const status = incoming.statusCode ?? 502;
  // Buffer.concat allocates from an ArrayBuffer, never a SharedArrayBuffer.
  return new Response(NULL_BODY.has(status) ? null : (bytes as Uint8Array<ArrayBuffer>), {
    status,
    statusText: incoming.statusMessage ?? "",
    headers,
  });
}
