/**
 * Node fast path of `POST {P}/upload` (gradio-protocol.md §4.2): the multipart body is written
 * with node:http straight from file read streams, with Content-Length computed up front (sizes
 * are known), instead of a Blob turned into a web stream by undici (0.44× curl in bench B5).
 * Same credentials policy, redirects and typed errors as every other request (`sendVia`).
 */
import { createReadStream } from "node:fs";
import { once } from "node:events";
import type { ClientRequest } from "node:http";
import { multipartBody, type NamedBlob } from "../files/file-input.js";
import { GradioError } from "../errors.js";
import type { UploadSender } from "../session/inputs.js";
import { send, sendVia } from "../transport/http.js";
import { nodeExchange, type NodeBody } from "./exchange.js";
import { usesProxy } from "./proxy.js";

/** A file opened from a local path by the Node entry: its bytes are read from `path`, not the Blob. */
export interface LocalFile extends NamedBlob {
  readonly path: string;
}

const CHUNK = 1 << 20;

/** Uploads with node:http; falls back to fetch when a proxy applies to the URL (see proxy.ts). */
export const sendNodeUpload: UploadSender = (http, url, files, signal) => {
  if (usesProxy(url)) {
    const { body, contentType } = multipartBody(files);
    return send(http, url, { method: "POST", body, headers: { "content-type": contentType }, signal });
  }
  const { body, contentType } = multipartStream(files);
  return sendVia(http, url, { method: "POST", body, headers: { "content-type": contentType }, signal }, nodeExchange);
};

/** The multipart body of `files` (same bytes as `multipartBody`), written part by part. */
export function multipartStream(files: readonly NamedBlob[]): { body: NodeBody; contentType: string } {
  const boundary = `----gradio-codegen-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const parts: (Buffer | NamedBlob)[] = [];
  for (const file of files) {
    const name = file.name.replace(/["\r\n\\]/g, "_");
    const type = file.blob.type || "application/octet-stream";
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), file, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const length = parts.reduce((sum, part) => sum + (Buffer.isBuffer(part) ? part.length : part.blob.size), 0);
  const write = async (request: ClientRequest, stop: AbortSignal) => {
    for (const part of parts) {
      if (Buffer.isBuffer(part)) await put(request, part, stop);
      else if (isLocalFile(part)) await writeFile(request, part, stop);
      else await writeBlob(request, part.blob, stop);
    }
  };
  return { body: { length, write }, contentType: `multipart/form-data; boundary=${boundary}` };
}

function isLocalFile(file: NamedBlob): file is LocalFile {
  return typeof (file as Partial<LocalFile>).path === "string";
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
  if (sent !== size) throw new GradioError("INVALID_ARGUMENT", `the file ${JSON.stringify(file.path)} changed while it was uploaded (${sent} of ${size} bytes)`);
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
