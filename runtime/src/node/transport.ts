/**
 * The Node entry's HTTP: a `fetch`-compatible function over node:http(s) with keep-alive agents.
 * Measured against Node's fetch (undici) for the queue protocol's join + stream: about half the
 * CPU per call under load and no ~30 ms fetch bootstrap in a fresh process (bench B1, B3). It
 * does only what the runtime asks of fetch — one request, no redirects (transport/http.ts follows
 * them under the credentials policy), string/bytes/form bodies, abort through the signal — and
 * hands anything else (URLs a proxy variable applies to, streamed or multipart bodies) to `fallback`.
 *
 * Sockets: Nagle off (a join's headers and body leave at once, and answers are not held for a
 * delayed ACK); an idle pooled socket is unref'd by Node's agent (`keepSocketAlive`), so it never
 * keeps a process alive, and is closed by the agent after `IDLE_SOCKET_MS` of no use. A server may
 * close a pooled socket just as it is reused (uvicorn closes the connection after a 500 from an
 * unhandled exception, without `Connection: close`): a request whose reused socket is reset before
 * any answer is sent once more on a new connection, as Node's documentation advises (`reusedSocket`).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { FetchLike } from "../transport/http.js";
import { usesProxy } from "./proxy.js";
import { NodeAnswer } from "./response.js";

/** Idle keep-alive sockets are closed after this (below the 5 s keep-alive of uvicorn, Gradio's server). */
const IDLE_SOCKET_MS = 4000;
const agentOptions = { keepAlive: true, noDelay: true, timeout: IDLE_SOCKET_MS, scheduling: "lifo" } as const;
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

/** A body node:http writes in one go, or null when the request must go through `fallback`. */
function plainBody(body: unknown): string | Uint8Array | undefined | null {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return null;
}

/** Headers given as a plain record (what the runtime passes), or null (a `Headers` or a list: `fallback`). */
function headerRecord(headers: RequestInit["headers"]): Record<string, string> | null {
  if (headers === undefined) return {};
  // Not `instanceof Headers`: the first touch of that global loads Node's whole fetch implementation.
  if (Array.isArray(headers) || typeof (headers as { get?: unknown }).get === "function") return null;
  return { ...(headers as Record<string, string>) };
}

/**
 * `fetch` over node:http(s) keep-alive agents for http(s) URLs with plain bodies (`redirect` is
 * always "manual": the caller follows redirects); every other request goes to `fallback`.
 */
export function createNodeFetch(fallback: FetchLike): FetchLike {
  return (input, init = {}) => {
    const target = new URL(input);
    const body = plainBody(init.body);
    const headers = headerRecord(init.headers);
    const secure = target.protocol === "https:";
    if (body === null || headers === null || (!secure && target.protocol !== "http:") || usesProxy(input))
      return fallback(input, init);
    const method = (init.method ?? "GET").toUpperCase();
    const signal = init.signal ?? undefined;
    if (body !== undefined && headers["content-type"] === undefined && init.body instanceof URLSearchParams)
      headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
    const send = (retried: boolean) =>
      new Promise<Response>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const request = (secure ? httpsRequest : httpRequest)(target, {
          method,
          headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
          agent: secure ? agents.https : agents.http,
        });
        let incoming: IncomingMessage | undefined;
        const onAbort = () => {
          const reason: unknown = signal?.reason;
          request.destroy(reason instanceof Error ? reason : undefined);
          incoming?.destroy(reason instanceof Error ? reason : undefined);
          reject(reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        const done = () => signal?.removeEventListener("abort", onAbort);
        request.on("error", (error: NodeJS.ErrnoException) => {
          done();
          const stale = request.reusedSocket && incoming === undefined && STALE_SOCKET.has(error.code ?? "");
          if (stale && !retried && !signal?.aborted) resolve(send(true));
          else reject(error);
        });
        request.on("response", (answer) => {
          incoming = answer;
          answer.on("close", done);
          // A runtime `Response` in all but class: it reads only what NodeAnswer implements (see response.ts).
          resolve(new NodeAnswer(answer, input, method) as unknown as Response);
        });
        request.end(body);
      });
    return send(false);
  };
}

/** Errors of a pooled socket the server closed while it was being reused. */
const STALE_SOCKET = new Set(["ECONNRESET", "EPIPE"]);
