/** B2 latency: `500 × scale` sequential echo calls in one process, p50/p99 per call. */
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import type { BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { ratioTarget } from "../lib/targets.js";
import type { ScenarioResult } from "../lib/types.js";

export async function b2Latency(ctx: BenchContext): Promise<ScenarioResult> {
  const n = Math.max(20, Math.round(500 * ctx.scale));
  const warmup = 20;
  const outcomes = await interleave(ctx, {
    script: "b2-latency",
    config: () => ({ url: ctx.host.url("bench_echo"), module: ctx.modules["bench_echo"], n, warmup }),
    reps: ctx.reps,
    warmupRounds: 0,
  });
  const p50 = collect(outcomes, num("p50"));
  return {
    id: "B2",
    title: `latency (${n} sequential echo calls)`,
    reps: ctx.reps,
    warmup: `${warmup} untimed calls at the start of each process`,
    metrics: [
      { label: "p50", unit: "ms", better: "lower", decimals: 2, values: p50 },
      { label: "p99", unit: "ms", better: "lower", decimals: 2, values: collect(outcomes, num("p99")) },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: collect(outcomes, num("cpuS")) },
    ],
    failures: failuresOf(outcomes),
    targets: [ratioTarget("B2 p50 ≤ 0.8× @gradio/client", median(p50.ours), median(p50["gradio-js"]), "<=", 0.8)],
    notes: [],
  };
}
