/**
 * `POST {P}/upload` through fetch (docs/protocol.md §4.2). Blobs and bytes go as one Blob body
 * (file-backed Blobs stay lazy). Streams go as a streaming request body (`duplex: "half"`, chunked
 * transfer encoding; Gradio reads the upload with `request.stream()`, so an unknown length is
 * fine) where fetch can send one; elsewhere they are collected into Blobs first.
 *
 * Why a fallback at all: Firefox and Safari have no request streams (the `duplex` probe below
 * fails), and Chrome has them over HTTP/2 and HTTP/3 only — over HTTP/1.1 (a local Gradio app)
 * it rejects the fetch with a TypeError before reading the body. So a streaming attempt that
 * fails before any of the caller's bytes were read is retried once with collected Blobs; a
 * failure after that point is reported (the bytes read so far are gone). Node's own fetch
 * (undici) keeps a streamed body's chunks until the request ends (nodejs/undici#4058), so the
 * Node entry sends uploads with node:http and comes here only for a user's fetch or a proxy.
 */
import { GradioError } from "../errors.js";
import { send, sendVia, type HttpContext } from "../transport/http.js";
import type { BlobContent, NamedBlob } from "./file-input.js";
import { multipartBody, multipartLayout, multipartReadable } from "./multipart.js";
import { StreamContent } from "./stream-source.js";

/** `RequestInit` of a streaming request body (not in TypeScript's lib.dom yet). */
type StreamingRequestInit = RequestInit & { duplex: "half" };

/** Sends `files` as one multipart body with `http.fetch`; returns the response whatever its status. */
export async function sendFetchUpload(
  http: HttpContext,
  url: string,
  files: readonly NamedBlob[],
  signal: AbortSignal | undefined,
): Promise<Response> {
  const streams = files.filter((file): file is StreamContent => file instanceof StreamContent);
  if (streams.length > 0 && requestStreamsSupported()) {
    const layout = multipartLayout(files);
    let failure: unknown;
    const body = multipartReadable(layout, (error) => (failure ??= error));
    let sent = false;
    try {
      return await sendVia(
        http,
        url,
        { method: "POST", body, headers: { "content-type": layout.contentType }, signal, secretBody: true },
        (target, init) => {
          // sendVia resends the body after a 307/308; a stream's bytes are gone by then.
          if (sent && init.body !== null)
            failure ??= new GradioError(
              "INVALID_ARGUMENT",
              `POST ${url} was redirected to ${target}: a stream upload cannot be sent twice`,
            );
          if (failure) return Promise.reject(failure);
          sent = true;
          const streaming: StreamingRequestInit = { ...init, redirect: "manual", duplex: "half" };
          return http.fetch(target, streaming);
        },
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      if (failure) throw failure;
      if (streams.some((stream) => stream.started)) throw error;
      // Refused before reading any caller bytes: the platform cannot stream this request (see above).
    }
  }
  // Reading a stream is not a request: the signal has to stop it here (a stalled stream would otherwise outlive a timeout).
  const stop = () => streams.forEach((stream) => stream.cancel(signal?.reason));
  signal?.addEventListener("abort", stop, { once: true });
  let blobs: BlobContent[];
  try {
    signal?.throwIfAborted();
    blobs = await Promise.all(
      files.map(
        async (file): Promise<BlobContent> =>
          file instanceof StreamContent ? { blob: await file.collect(), name: file.name } : file,
      ),
    );
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener("abort", stop);
  }
  const { body, contentType } = multipartBody(blobs);
  // The user's files are never re-sent to another origin by a 307/308 (CROSS_ORIGIN, transport/http.ts).
  return send(http, url, { method: "POST", body, headers: { "content-type": contentType }, signal, secretBody: true });
}

/** Whether this platform's fetch can send a ReadableStream body (the WHATWG feature probe for `duplex`). */
function requestStreamsSupported(): boolean {
  if (typeof Request === "undefined" || typeof ReadableStream === "undefined") return false;
  let duplexRead = false;
  try {
    const init = {
      method: "POST",
      body: new ReadableStream(),
      get duplex(): "half" {
        duplexRead = true;
        return "half";
      },
    };
    const hasContentType = new Request("http://localhost/", init).headers.has("content-type");
    return duplexRead && !hasContentType;
  } catch {
    return false;
  }
}
