/**
 * One call's cancellation: the caller's AbortSignal and the `timeout` option merged into one
 * signal, with a timer that is cleared when the call ends (AbortSignal.timeout would keep its
 * timer, and the signal, alive until it fires). Aborts become typed ABORTED / TIMEOUT errors.
 */
import { GradioError } from "../errors.js";
import { anySignal } from "../util/any-signal.js";

export interface CallSignal {
  /** Aborted when the caller aborts or the timeout elapses; undefined when neither can happen. */
  readonly signal: AbortSignal | undefined;
  /** The typed error for the abort that happened. */
  reason(): GradioError;
  /** Clears the timer and listeners; call it when the call settles. */
  dispose(): void;
}

/** Combines `signal` and `timeout` (milliseconds) for the call named `label`. */
export function createCallSignal(
  label: string,
  options: { readonly signal?: AbortSignal | undefined; readonly timeout?: number | undefined },
): CallSignal {
  const { signal: outer, timeout } = options;
  if (timeout !== undefined && !(timeout >= 0))
    throw new GradioError(
      "INVALID_ARGUMENT",
      `${label}: timeout must be a number of milliseconds ≥ 0, got ${String(timeout)}`,
    );
  const timer = timeout === undefined ? undefined : new AbortController();
  const handle =
    timer &&
    setTimeout(
      () => timer.abort(new GradioError("TIMEOUT", `${label}: no result within ${timeout} ms; the job was cancelled`)),
      timeout,
    );
  // Even without a timer the call gets a signal of its own: the listeners added for this call go on it.
  const signal = outer ? anySignal(timer ? [outer, timer.signal] : [outer]) : timer?.signal;
  return {
    signal,
    reason() {
      const reason: unknown = signal?.reason;
      if (reason instanceof GradioError) return reason;
      const timedOut = reason instanceof DOMException && reason.name === "TimeoutError";
      return new GradioError(
        timedOut ? "TIMEOUT" : "ABORTED",
        `${label}: ${timedOut ? "the caller's signal timed out; the job was cancelled" : "the call was aborted"}`,
        { cause: reason },
      );
    },
    dispose() {
      clearTimeout(handle);
    },
  };
}
