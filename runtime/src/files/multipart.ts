/**
 * The multipart/form-data body of `POST {P}/upload` (docs/protocol.md §4.2): one layout, written
 * as a Blob, as a web stream for fetch, or part by part by the Node entry (node/upload.ts).
 * Part headers are built here only, so a hostile file name or MIME type cannot inject a header.
 */
import type { BlobContent, NamedBlob } from "./file-input.js";
import { StreamContent } from "./stream-source.js";

/** The body's parts in order: header and trailer text, and the files' contents between them. */
export interface MultipartLayout {
  readonly contentType: string;
  readonly parts: readonly (string | NamedBlob)[];
}

/** Lays out one `files` part per file. */
export function multipartLayout(files: readonly NamedBlob[]): MultipartLayout {
  const boundary = `----gradio-codegen-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const parts: (string | NamedBlob)[] = [];
  for (const file of files) {
    const name = file.name.replace(/["\r\n\\]/g, "_");
    const type = safeType(file instanceof StreamContent ? file.type : file.blob.type);
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      file,
      "\r\n",
    );
  }
  parts.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, parts };
}

/** Builds the body as a Blob (file-backed parts stay lazy). Streams must have been collected first. */
export function multipartBody(files: readonly BlobContent[]): { body: Blob; contentType: string } {
  const { contentType, parts } = multipartLayout(files);
  return {
    body: new Blob(parts.map((part) => (typeof part === "string" ? part : (part as BlobContent).blob))),
    contentType,
  };
}

/**
 * Builds the body as a web stream that reads each part only when fetch asks for more (high-water
 * mark 0), so no stream is read before the request is under way. `onFailure` learns why a part
 * could not be produced (fetch itself reports only a generic TypeError).
 */
export function multipartReadable(
  layout: MultipartLayout,
  onFailure: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let current: AsyncIterator<Uint8Array> | undefined;
  const produce = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    for (;;) {
      if (current) {
        const next = await current.next();
        if (!next.done) return controller.enqueue(next.value);
        current = undefined;
      }
      const part = layout.parts[index++];
      if (part === undefined) return controller.close();
      if (typeof part === "string") return controller.enqueue(encoder.encode(part));
      current = part instanceof StreamContent ? part.chunks() : blobChunks(part.blob);
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          await produce(controller);
        } catch (error) {
          onFailure(error);
          throw error;
        }
      },
      // Only the part being read: a stream not started yet may still be sent another way (fetch-upload.ts).
      cancel(reason) {
        const part = layout.parts[index - 1];
        if (current && part instanceof StreamContent) part.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The byte length of the text parts (UTF-8) plus the sizes of the files, or undefined if a stream's size is unknown. */
export function layoutLength(layout: MultipartLayout): number | undefined {
  const encoder = new TextEncoder();
  let length = 0;
  for (const part of layout.parts) {
    const size =
      typeof part === "string"
        ? encoder.encode(part).byteLength
        : part instanceof StreamContent
          ? part.size
          : part.blob.size;
    if (size === undefined) return undefined;
    length += size;
  }
  return length;
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A MIME type as a part header value: printable ASCII only (no line breaks), else the generic type. */
function safeType(type: string): string {
  const trimmed = type.trim();
  return trimmed && /^[\x20-\x7e]+$/.test(trimmed) ? trimmed : "application/octet-stream";
}
