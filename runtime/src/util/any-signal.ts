/**
 * `AbortSignal.any`, where the platform has it (Node ≥ 20.3, current browsers, Deno, Bun, workerd);
 * elsewhere (Vercel's edge-runtime, Safari < 17.4) a signal that follows the given ones through
 * listeners. The fallback's listeners stay on the sources until they abort, which is why the
 * native one is preferred: it adds none (many calls may share one caller's signal).
 */
type AnyFn = (signals: AbortSignal[]) => AbortSignal;

export function anySignal(signals: AbortSignal[]): AbortSignal {
  const native = (AbortSignal as unknown as { readonly any?: AnyFn }).any;
  if (typeof native === "function") return native.call(AbortSignal, signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}
