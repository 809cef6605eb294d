/**
 * The answer of a node:http request as the subset of a fetch `Response` the runtime reads
 * (status, headers, a web body stream, text/json/bytes). Built without the platform's `Response`
 * class, whose first use makes Node load its whole fetch implementation (undici: ~30 ms of CPU in
 * a fresh process, bench B1). The body is the socket's stream: reading it, cancelling it or the
 * request's signal ends it.
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** `Headers`' read side over Node's raw header list (names case-insensitive, repeated values joined). */
class AnswerHeaders {
  readonly #raw: readonly string[];
  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    const values = this.#all(name);
    return values.length === 0 ? null : values.join(", ");
  }
  has(name: string): boolean {
    return this.#all(name).length > 0;
  }
  getSetCookie(): string[] {
    return this.#all("set-cookie");
  }
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (let i = 0; i + 1 < this.#raw.length; i += 2)
      yield [(this.#raw[i] as string).toLowerCase(), this.#raw[i + 1] as string];
  }
  #all(name: string): string[] {
    const key = name.toLowerCase();
    const values: string[] = [];
    for (let i = 0; i + 1 < this.#raw.length; i += 2)
      if ((this.#raw[i] as string).toLowerCase() === key) values.push(this.#raw[i + 1] as string);
    return values;
  }
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/** What the runtime reads of a Response; the node:http transport's answers implement exactly this. */
export class NodeAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: AnswerHeaders;
  readonly url: string;
  readonly redirected = false;
  readonly #incoming: IncomingMessage;
  /** undefined: not touched yet; null: no body, or read through bytes()/text()/…. */
  #body: ReadableStream<Uint8Array> | null | undefined;
  #used = false;

  constructor(incoming: IncomingMessage, url: string, method: string) {
    this.#incoming = incoming;
    this.status = incoming.statusCode ?? 502;
    this.statusText = incoming.statusMessage ?? "";
    this.headers = new AnswerHeaders(incoming.rawHeaders);
    this.url = url;
    if (NULL_BODY.has(this.status) || method === "HEAD") {
      incoming.resume();
      this.#body = null;
    }
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed(): boolean {
    return this.#used;
  }
  /** The body as a web stream (created on first access; Node's stream is read from then on). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#body === undefined) this.#body = Readable.toWeb(this.#incoming) as ReadableStream<Uint8Array>;
    return this.#body;
  }
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#used) throw new TypeError("the body was already read");
    this.#used = true;
    if (this.#body === null) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    if (this.#body !== undefined) {
      const reader = this.#body.getReader();
      for (let chunk; !(chunk = await reader.read()).done; ) chunks.push(chunk.value);
    } else for await (const chunk of this.#incoming) chunks.push(chunk as Buffer);
    this.#body = null;
    // Buffer.concat allocates from an ArrayBuffer, never a SharedArrayBuffer.
    return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
  }
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get("content-type") ?? "" });
  }
}
