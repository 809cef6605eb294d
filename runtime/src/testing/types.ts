/**
 * Types of the test doubles: handler and mock types derived from a generated module's `Client`
 * interface, so a handler's parameters and result are exactly the endpoint's.
 */
import type { JobStream } from "../session/job-stream.js";
import type { BareResult } from "../session/with-updates.js";

type Method = (...args: never[]) => unknown;

/** The endpoint methods of a client (not `close`, not symbol keys such as `Symbol.asyncDispose`). */
export type EndpointName<C> = {
  [K in keyof C]: K extends "close" ? never : K extends string ? (C[K] extends Method ? K : never) : never;
}[keyof C];

/** A tuple result without the named accessors the real client adds (the mock adds them itself). */
type Plain<T> = BareResult<T>;

/** What a handler of one endpoint method returns. */
export type HandlerResult<R> =
  R extends JobStream<infer T>
    ? // Streaming: the partial results in order (an array or any iterable, sync or async); the last is the final result.
      Iterable<Plain<T>> | AsyncIterable<Plain<T>>
    : R extends Promise<infer T>
      ? Plain<T> | Promise<Plain<T>>
      : never;

/** The handler of one endpoint method: the same parameters (positional arguments, then `options`). */
export type Handler<M> = M extends (...args: infer A) => infer R ? (...args: A) => HandlerResult<R> : never;

/** Handlers for some or all endpoints of a client. */
export type MockHandlers<C> = { readonly [K in EndpointName<C>]?: Handler<C[K]> };

/** One call a mock received, for assertions. */
export interface MockCall {
  /** The method name (`predict`). */
  readonly method: string;
  /** The endpoint's api name (`/predict`), or null for an unnamed endpoint. */
  readonly endpoint: string | null;
  /** The arguments as passed, `options` included when given. */
  readonly args: readonly unknown[];
}

/** A client double: the real `Client` type, plus what it was called with. */
export type MockClient<C> = C & {
  /** Every call, in order. */
  readonly calls: readonly MockCall[];
  /** The calls of one method, in order. */
  callsOf(method: EndpointName<C>): readonly MockCall[];
  /** Whether `close()` was called. */
  readonly closed: boolean;
};
