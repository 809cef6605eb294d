/**
 * Default bounds on waiting for a server (runtime/src/limits.ts `requestTimeoutMs`): every request
 * of a client must start answering in time, so a server that accepts and never answers ends in a
 * TIMEOUT instead of a wait without end. Only the wait for the answer's headers is bounded here;
 * what follows (a stream, a download) is bounded by silence (`idleTimeoutMs`), never by length.
 */
import { GradioError } from "../errors.js";
import type { FetchLike } from "../transport/http.js";
import { anySignal } from "../util/any-signal.js";

export interface Deadline {
  /** Aborts when `outer` aborts or the time is up (reason: a TIMEOUT GradioError). */
  readonly signal: AbortSignal;
  /** Stops the timer; the signal still follows `outer`. */
  clear(): void;
}

/** A signal that aborts after `ms` (no timer when `ms` is Infinity) or with `outer`, whichever comes first. */
export function deadline(outer: AbortSignal | null | undefined, ms: number, message: string): Deadline {
  const own = new AbortController();
  const timer = Number.isFinite(ms) ? setTimeout(() => own.abort(new GradioError("TIMEOUT", message)), ms) : undefined;
  // AbortSignal.any adds no listener to `outer`, however many requests share it.
  return { signal: outer ? anySignal([outer, own.signal]) : own.signal, clear: () => clearTimeout(timer) };
}

/**
 * `fetch` whose requests must get their answer's headers within `ms` (used by `send`, transport/
 * http.ts, when the context has `requestTimeoutMs`). Exempt are uploads (a Blob or stream body:
 * the answer comes only after the whole body was sent, however long that takes) and direct calls
 * (`/run/predict`, queue=False: the answer is the function's result, so only the call's own
 * `timeout` bounds it).
 */
export function withHeaderDeadline(inner: FetchLike, ms: number): FetchLike {
  if (!Number.isFinite(ms)) return inner;
  return async (input, init) => {
    const body: unknown = init?.body;
    const upload =
      body !== undefined && body !== null && typeof body !== "string" && !(body instanceof URLSearchParams);
    if (upload || input.endsWith("/run/predict")) return inner(input, init);
    const bound = deadline(
      init?.signal,
      ms,
      `${init?.method ?? "GET"} ${input}: no answer within ${ms} ms (limits.requestTimeoutMs)`,
    );
    try {
      return await inner(input, { ...init, signal: bound.signal });
    } catch (error) {
      throw bound.signal.aborted && bound.signal.reason instanceof GradioError ? bound.signal.reason : error;
    } finally {
      bound.clear();
    }
  };
}
