/**
 * The web-platform types the runtime's public declarations mention, as the consumer's own
 * compilation sees them.
 *
 * The runtime is written against the web platform (its own build has `lib: ["DOM"]`), but a
 * project that imports it may have no `dom` lib and no `@types/node` (a Node project, or
 * TypeScript 6's `types: []` default). The build (scripts/platform-types.mjs) therefore makes
 * every emitted `.d.ts` that mentions `Blob`, `Response`, `AbortSignal`, `ReadableStream`, `URL`,
 * `RequestInit` or `BodyInit` import that name from here. Each resolves to the consumer's global
 * type when one exists (lib.dom, @types/node, Deno, Bun: read off the global value's
 * `prototype`/constructor, so no global name is referenced that might be missing) and to a
 * minimal structural type otherwise. Nothing here is declared globally.
 *
 * Disposal: `Symbol.asyncDispose` exists only in libs with `esnext.disposable` (or @types/node).
 * `AsyncDisposal` is `{ [Symbol.asyncDispose](): Promise<void> }` there and `{}` elsewhere, and
 * `asyncDispose` is the symbol as a value, so `await using client = connect()` type-checks where
 * the lib has disposal and the same declarations compile where it does not.
 */

type Global = typeof globalThis;

/** The instance type of the global class `K`, when the consumer's lib or types declare one. */
type InstanceOf<K extends string, Fallback> = Global extends { readonly [k in K]: { readonly prototype: infer P } }
  ? P
  : Fallback;

/** Minimal Blob: what the runtime and its callers use. */
export interface BlobShape {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  slice(start?: number, end?: number, contentType?: string): Blob;
  stream(): ReadableStream<Uint8Array>;
}

/** Minimal reader of a web stream of `R`. */
export interface ReadableStreamShape<R> {
  getReader(): {
    read(): Promise<{ done: false; value: R } | { done: true; value?: unknown }>;
    releaseLock(): void;
    cancel(reason?: unknown): Promise<void>;
  };
  cancel(reason?: unknown): Promise<void>;
}

/** Minimal fetch Response. */
export interface ResponseShape {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** Minimal AbortSignal. */
export interface AbortSignalShape {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/** Minimal URL. */
export interface URLShape {
  readonly href: string;
  toString(): string;
}

export type Blob = InstanceOf<"Blob", BlobShape>;
/** A web ReadableStream of `R` (the global one, checked for its chunk type, where it exists). */
export type ReadableStream<R = unknown> = Global extends { readonly ReadableStream: { readonly prototype: infer P } }
  ? P & ReadableStreamShape<R>
  : ReadableStreamShape<R>;
export type Response = InstanceOf<"Response", ResponseShape>;
export type AbortSignal = InstanceOf<"AbortSignal", AbortSignalShape>;
export type URL = InstanceOf<"URL", URLShape>;

/** What `new Response(body)` accepts in the consumer's lib, else the usual byte sources. */
export type BodyInit = Global extends { readonly Response: new (body?: infer B, ...rest: never[]) => unknown }
  ? Exclude<B, null | undefined>
  : string | Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

/** The second parameter of `fetch` in the consumer's lib, else the fields the runtime sets. */
export type RequestInit = Global extends { readonly Request: new (input: never, init?: infer I) => unknown }
  ? Exclude<I, undefined>
  : {
      method?: string;
      headers?: Record<string, string>;
      body?: BodyInit | null;
      signal?: AbortSignal | null;
      redirect?: "follow" | "manual" | "error";
      credentials?: "omit" | "same-origin" | "include";
    };

/** The type of `Symbol.asyncDispose` where the consumer's lib declares it; `never` elsewhere. */
export type AsyncDisposeSymbol = SymbolConstructor extends { readonly asyncDispose: infer S extends symbol }
  ? S
  : never;

/** `AsyncDisposable` (usable with `await using`) where the lib has it; `{}` where it does not. */
export type AsyncDisposal = { [K in AsyncDisposeSymbol]: () => Promise<void> };

/**
 * `Symbol.asyncDispose`, for computed keys in code that must compile without the disposal lib.
 * Where the platform has no such symbol (older browsers), a registered stand-in keeps the key
 * well-defined; `await using` itself needs the real one.
 */
export const asyncDispose: AsyncDisposeSymbol =
  (Symbol as { readonly asyncDispose?: AsyncDisposeSymbol }).asyncDispose ??
  (Symbol.for("Symbol.asyncDispose") as AsyncDisposeSymbol);
