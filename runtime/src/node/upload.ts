/**
 * Node fast path of `POST {P}/upload` (docs/protocol.md §4.2): the multipart body is written
 * with node:http straight from file read streams, with Content-Length computed up front when
 * every size is known, instead of a Blob turned into a web stream by undici (0.44× curl in bench
 * B5). A stream input of unknown size is piped as it is read, with chunked transfer encoding
 * (Gradio parses the upload from `request.stream()`, which accepts it). Same credentials policy,
 * redirects and typed errors as every other request (`sendVia`).
 */
import { createReadStream } from "node:fs";
import { once } from "node:events";
import type { ClientRequest } from "node:http";
import type { BlobContent, NamedBlob } from "../files/file-input.js";
import { sendFetchUpload } from "../files/fetch-upload.js";
import { layoutLength, multipartLayout } from "../files/multipart.js";
import { StreamContent } from "../files/stream-source.js";
import { GradioError } from "../errors.js";
import type { UploadSender } from "../session/inputs.js";
import { sendVia } from "../transport/http.js";
import { nodeExchange, type NodeBody } from "./exchange.js";
import { usesProxy } from "./proxy.js";

/** A file opened from a local path by the Node entry: its bytes are read from `path`, not the Blob. */
export interface LocalFile extends BlobContent {
  readonly path: string;
}

const CHUNK = 1 << 20;

/** Uploads with node:http; falls back to fetch when a proxy applies to the URL (see proxy.ts). */
export const sendNodeUpload: UploadSender = async (http, url, files, signal) => {
  if (usesProxy(url)) return sendFetchUpload(http, url, files, signal);
  const { body, contentType, failure } = multipartStream(files);
  try {
    return await sendVia(
      http,
      url,
      { method: "POST", body, headers: { "content-type": contentType }, signal, secretBody: true },
      nodeExchange,
    );
  } catch (error) {
    // sendVia reports a failed exchange as NETWORK; a body that could not be read is the caller's input instead.
    throw (!signal?.aborted && failure()) || error;
  }
};

/** The multipart body of `files` (same bytes as `multipartBody`), written part by part; `failure()` is why a part could not be read. */
export function multipartStream(files: readonly NamedBlob[]): {
  body: NodeBody;
  contentType: string;
  failure: () => GradioError | undefined;
} {
  const layout = multipartLayout(files);
  const parts = layout.parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part));
  const length = layoutLength(layout);
  let failed: GradioError | undefined;
  const write = async (request: ClientRequest, stop: AbortSignal) => {
    // nodeExchange sets Content-Length from `length`; with a stream of unknown size there is none, so Node sends the body chunked.
    if (length === undefined) request.removeHeader("content-length");
    try {
      for (const part of parts) {
        if (Buffer.isBuffer(part)) await put(request, part, stop);
        else if (part instanceof StreamContent) await writeStream(request, part, stop);
        else if (isLocalFile(part)) await writeFile(request, part, stop);
        else await writeBlob(request, part.blob, stop);
      }
    } catch (error) {
      if (error instanceof GradioError && !stop.aborted) failed ??= error;
      throw error;
    }
  };
  return { body: { length: length ?? 0, write }, contentType: layout.contentType, failure: () => failed };
}

function isLocalFile(file: NamedBlob): file is LocalFile {
  return typeof (file as Partial<LocalFile>).path === "string";
}

/** Pipes a stream input chunk by chunk; stopping the request releases the caller's stream. */
async function writeStream(request: ClientRequest, content: StreamContent, stop: AbortSignal): Promise<void> {
  const onStop = () => content.cancel(stop.reason);
  stop.addEventListener("abort", onStop, { once: true });
  try {
    for await (const chunk of content.chunks()) await put(request, chunk, stop);
  } finally {
    stop.removeEventListener("abort", onStop);
  }
}

/** Streams exactly `blob.size` bytes of the file: a file that changed since it was opened fails the upload. */
async function writeFile(request: ClientRequest, file: LocalFile, stop: AbortSignal): Promise<void> {
  const size = file.blob.size;
  if (size === 0) return;
  const stream = createReadStream(file.path, { start: 0, end: size - 1, highWaterMark: CHUNK });
  const onStop = () => stream.destroy();
  stop.addEventListener("abort", onStop, { once: true });
  let sent = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      sent += chunk.length;
      await put(request, chunk, stop);
    }
  } finally {
    stop.removeEventListener("abort", onStop);
  }
  if (sent !== size)
    throw new GradioError(
      "INVALID_ARGUMENT",
      `the file ${JSON.stringify(file.path)} changed while it was uploaded (${sent} of ${size} bytes)`,
    );
}

async function writeBlob(request: ClientRequest, blob: Blob, stop: AbortSignal): Promise<void> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      await put(request, value, stop);
    }
  } finally {
    reader.releaseLock();
  }
}

/** Writes a chunk, waiting for the socket to drain (or the request to stop) when its buffer is full. */
async function put(request: ClientRequest, chunk: Uint8Array, stop: AbortSignal): Promise<void> {
  if (stop.aborted) throw stop.reason ?? new GradioError("ABORTED", "the upload stopped");
  if (!request.write(chunk)) await once(request, "drain", { signal: stop });
}
