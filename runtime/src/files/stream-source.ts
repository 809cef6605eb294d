/**
 * Streams as file inputs: a web ReadableStream or any async iterable of bytes (a Node Readable
 * such as `fs.createReadStream(path)`), bare or named (`{ stream, name, type?, size? }`). A stream
 * is uploaded as it is read (docs/protocol.md §4.2), and it can be read only once: using it
 * again is an INVALID_ARGUMENT, never a silently empty file.
 */
import { GradioError } from "../errors.js";

/** Bytes that can be read once: a web `ReadableStream`, or an async iterable such as a Node `Readable`. The call it is passed to uses it up, even if that call fails. */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** A stream with the name (and optionally the MIME type and exact byte count) the server should keep. */
export interface NamedStream {
  readonly stream: ByteStream;
  /** File name on the server; some components take the format from its extension. */
  readonly name: string;
  /** MIME type of the part (default `application/octet-stream`). */
  readonly type?: string | undefined;
  /** Exact size in bytes, if known: the Node entry then sends a Content-Length; the stream must match it. */
  readonly size?: number | undefined;
}

/**
 * Streams already claimed by an upload. Module-level on purpose: being consumed is a fact about the
 * caller's stream object itself, whichever client reads it (weak, so it keeps nothing alive). A web
 * stream also stays locked after its upload; this also covers async generators, which cannot tell.
 */
const claimed = new WeakSet<object>();

/** A bare stream (not a Blob, which is read lazily and can be re-read). */
export function isByteStream(value: unknown): value is ByteStream {
  if (typeof value !== "object" || value === null) return false;
  return (
    typeof (value as { getReader?: unknown }).getReader === "function" ||
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

/** `{ stream, name }` as a file input. */
export function isNamedStream(value: unknown): value is NamedStream {
  if (typeof value !== "object" || value === null || !("stream" in value) || !("name" in value)) return false;
  return typeof value.name === "string" && isByteStream(value.stream);
}

/** Claims a caller's stream for one upload: a stream claimed before, locked, or already read fails. */
export function claimStream(input: ByteStream | NamedStream): StreamContent {
  const named = isNamedStream(input) ? input : undefined;
  const stream = named ? named.stream : (input as ByteStream);
  const name = named ? named.name || "file" : nameOf(stream);
  const label = `the stream of file ${JSON.stringify(name)}`;
  const size = named?.size;
  if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0)) {
    throw new GradioError(
      "INVALID_ARGUMENT",
      `${label}: size must be a whole number of bytes ≥ 0, got ${String(size)}`,
    );
  }
  if (claimed.has(stream) || wasRead(stream)) {
    throw new GradioError(
      "INVALID_ARGUMENT",
      `${label} was already used: a stream can be read only once; pass a new stream (or a path, Blob or bytes) each time`,
    );
  }
  if (isWebStream(stream) && stream.locked)
    throw new GradioError("INVALID_ARGUMENT", `${label} is locked: something else is reading it`);
  claimed.add(stream);
  return new StreamContent(stream, { name, type: named?.type ?? "", size, label });
}

type Source =
  | { readonly reader: ReadableStreamDefaultReader<Uint8Array> }
  | { readonly iterable: AsyncIterable<Uint8Array> };

/** A claimed stream, waiting for its upload. Its bytes can be read once, through `chunks()`. */
export class StreamContent {
  readonly name: string;
  /** MIME type as given (checked where it is written). */
  readonly type: string;
  readonly size: number | undefined;
  readonly #source: Source;
  readonly #label: string;
  #iterator: AsyncIterator<Uint8Array> | undefined;
  #started = false;
  #cancelled = false;

  /** Takes the stream over: a web stream is locked to this content from now on. */
  constructor(
    stream: ByteStream,
    meta: { readonly name: string; readonly type: string; readonly size: number | undefined; readonly label: string },
  ) {
    this.name = meta.name;
    this.type = meta.type;
    this.size = meta.size;
    this.#label = meta.label;
    this.#source = isWebStream(stream) ? { reader: stream.getReader() } : { iterable: stream };
  }

  /** Whether any of the caller's bytes have been asked for (a request that failed before cannot have sent them). */
  get started(): boolean {
    return this.#started;
  }

  /** The bytes, once; checks them against `size`. Source failures become INVALID_ARGUMENT with the cause kept. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.#started || this.#cancelled) {
      throw new GradioError(
        "INVALID_ARGUMENT",
        `${this.#label} was already sent once and cannot be sent again (a redirected or repeated upload needs a new stream)`,
      );
    }
    this.#started = true;
    let count = 0;
    let complete = false;
    try {
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = await this.#read();
        } catch (error) {
          if (this.#cancelled) return;
          throw new GradioError(
            "INVALID_ARGUMENT",
            `${this.#label} failed after ${count} bytes: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        if (this.#cancelled) return;
        if (next.done) break;
        const chunk = next.value;
        if (!ArrayBuffer.isView(chunk))
          throw new GradioError(
            "INVALID_ARGUMENT",
            `${this.#label} produced ${typeof chunk === "string" ? "a string" : typeof chunk}, not bytes (Uint8Array)`,
          );
        count += chunk.byteLength;
        if (this.size !== undefined && count > this.size)
          throw new GradioError(
            "INVALID_ARGUMENT",
            `${this.#label} is longer than its declared size of ${this.size} bytes`,
          );
        if (chunk.byteLength > 0) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      if (this.size !== undefined && count !== this.size) {
        throw new GradioError(
          "INVALID_ARGUMENT",
          `${this.#label} ended after ${count} bytes, short of its declared size of ${this.size}`,
        );
      }
      complete = true;
    } finally {
      if (!complete) this.cancel();
    }
  }

  /** Reads the whole stream into a Blob (for platforms whose fetch cannot send a stream); fails if cancelled meanwhile. */
  async collect(): Promise<Blob> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk.slice());
    if (this.#cancelled) throw new GradioError("ABORTED", `${this.#label} was cancelled while it was read`);
    return new Blob(parts, { type: this.type });
  }

  /** Stops reading and releases the caller's stream (a web stream stays locked, so it cannot be reused). Idempotent. */
  cancel(reason?: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    const source = this.#source;
    if ("reader" in source) {
      source.reader.cancel(reason).catch(() => undefined);
      return;
    }
    // A Node Readable: destroy() frees its file descriptor and ends a read that is waiting.
    const destroy = (source.iterable as { destroy?: unknown }).destroy;
    if (typeof destroy === "function") {
      (destroy as () => void).call(source.iterable);
      return;
    }
    const iterator = this.#iterator ?? source.iterable[Symbol.asyncIterator]();
    iterator.return?.().catch(() => undefined);
  }

  #read(): Promise<IteratorResult<unknown>> {
    const source = this.#source;
    if ("reader" in source) return source.reader.read() as Promise<IteratorResult<unknown>>;
    this.#iterator ??= source.iterable[Symbol.asyncIterator]();
    return this.#iterator.next();
  }
}

function isWebStream(stream: ByteStream): stream is ReadableStream<Uint8Array> {
  return typeof (stream as { getReader?: unknown }).getReader === "function";
}

/** A Node Readable that has been read from, has ended, or was destroyed (its properties, duck-typed). */
function wasRead(stream: ByteStream): boolean {
  const flags = stream as { readableDidRead?: unknown; readableEnded?: unknown; destroyed?: unknown };
  return flags.readableDidRead === true || flags.readableEnded === true || flags.destroyed === true;
}

/** A bare stream's name: the file name of an `fs.createReadStream(path)`, else "file". */
function nameOf(stream: ByteStream): string {
  const path = (stream as { path?: unknown }).path;
  return (typeof path === "string" && path.split(/[\\/]/).pop()) || "file";
}
