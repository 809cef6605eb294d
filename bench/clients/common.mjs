/**
 * Shared by the Node client scripts: the scenario's settings come as one JSON argument, the
 * measurement goes back as one JSON line on stdout (`RESULT {...}`), so the driver can time
 * "new process → first result" from the outside and read CPU/RSS from the inside.
 */
import { performance } from "node:perf_hooks";

/** When this script's own code started (after Node's boot); B1 reports the time since then. */
export const scriptStart = performance.now();

/** The scenario settings passed by the driver (bench/run.ts). */
export const config = JSON.parse(process.argv[2] ?? "{}");

/** CPU seconds (user+system, all threads) since `since`, a `process.cpuUsage()` value. */
export function cpuSeconds(since) {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

export const now = () => performance.now();

/** Latency percentiles (ms) of a list of samples. */
export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight. */
export async function pool(total, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Prints the result line and exits at once (no client gets to count its teardown). */
export function report(result) {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
}

/** Reports a failure the same way, so the table can say which client failed and why. */
export function fail(error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stdout.write(`RESULT ${JSON.stringify({ ok: false, error: message.slice(0, 300) })}\n`, () =>
    process.exit(1),
  );
}
