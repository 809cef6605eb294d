/** Backoff of the queue stream's reopens (runtime/src/limits.ts `maxStreamReopens`). */

/** Delay before the `n`-th reopen in a row that brought no job forward: 0.25 s, 0.5 s, 1 s, 2 s, then 4 s each. */
export function reopenDelay(n: number): number {
  return Math.min(250 * 2 ** Math.max(0, n - 1), 4000);
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
