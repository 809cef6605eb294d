/**
 * One call's cancellation: the caller's AbortSignal and the `timeout` option merged into one
 * signal, with a timer that is cleared when the call ends (AbortSignal.timeout would keep its
 * timer, and the signal, alive until it fires). Aborts become typed ABORTED / TIMEOUT errors.
 */
import { GradioError } from "../errors.js";

export interface CallSignal {
  /** Aborted when the caller aborts or the timeout elapses; undefined when neither can happen. */
  readonly signal: AbortSignal | undefined;
  /** The typed error for the abort that happened. */
  reason(): GradioError;
  /** Clears the timer and listeners; call it when the call settles. */
  dispose(): void;
}

/** Combines `signal` and `timeout` (milliseconds) for the call named `label`. */
export function createCallSignal(label: string, options: { readonly signal?: AbortSignal | undefined; readonly timeout?: number | undefined }): CallSignal {
  const { signal: outer, timeout } = options;
  if (timeout === undefined && outer === undefined) {
    return { signal: undefined, reason: () => new GradioError("ABORTED", `${label}: the call was aborted`), dispose: () => {} };
  }
  if (timeout !== undefined && !(timeout >= 0)) {
    throw new GradioError("INVALID_ARGUMENT", `${label}: timeout must be a number of milliseconds ≥ 0, got ${String(timeout)}`);
  }
  const controller = new AbortController();
  const timeoutError = () => new GradioError("TIMEOUT", `${label}: no result within ${timeout} ms; the job was cancelled`);
  const onOuterAbort = () => controller.abort(toGradioError(outer?.reason, label));
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener("abort", onOuterAbort, { once: true });
  if (timeout !== undefined && !controller.signal.aborted) timer = setTimeout(() => controller.abort(timeoutError()), timeout);
  return {
    signal: controller.signal,
    reason: () => toGradioError(controller.signal.reason, label),
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      outer?.removeEventListener("abort", onOuterAbort);
    },
  };
}

function toGradioError(reason: unknown, label: string): GradioError {
  if (reason instanceof GradioError) return reason;
  if (reason instanceof DOMException && reason.name === "TimeoutError") {
    return new GradioError("TIMEOUT", `${label}: the caller's signal timed out; the job was cancelled`, { cause: reason });
  }
  return new GradioError("ABORTED", `${label}: the call was aborted`, { cause: reason });
}
