/** B3 throughput: `2,000 × scale` calls at concurrency 64 to the fast endpoint, one client per process. */
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import type { BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { ratioTarget } from "../lib/targets.js";
import type { ScenarioResult } from "../lib/types.js";

export async function b3Throughput(ctx: BenchContext, reps: number): Promise<ScenarioResult> {
  const n = Math.max(128, Math.round(2000 * ctx.scale));
  const concurrency = 64;
  const warmup = 128;
  const outcomes = await interleave(ctx, {
    script: "b3-throughput",
    config: () => ({ url: ctx.host.url("bench_fast"), module: ctx.modules["bench_fast"], n, concurrency, warmup }),
    reps,
    warmupRounds: 0,
  });
  const rate = collect(outcomes, num("callsPerS"));
  const cpu = collect(outcomes, num("cpuS"));
  return {
    id: "B3",
    title: `throughput (${n} calls, concurrency ${concurrency}, fast endpoint)`,
    reps,
    warmup: `${warmup} untimed calls at concurrency ${concurrency} at the start of each process`,
    metrics: [
      { label: "calls/s", unit: "", better: "higher", decimals: 0, values: rate },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: cpu },
      { label: "peak RSS", unit: "MB", better: "lower", decimals: 0, values: collect(outcomes, num("peakRssMb")) },
      { label: "errors + mismatches", unit: "", better: "lower", decimals: 0, values: collect(outcomes, (o) => Number(o.result["errors"]) + Number(o.result["mismatches"])) },
    ],
    failures: failuresOf(outcomes),
    targets: [
      ratioTarget("B3 calls/s ≥ 1.2× @gradio/client", median(rate.ours), median(rate["gradio-js"]), ">=", 1.2),
      ratioTarget("B3 client CPU ≤ 0.5× @gradio/client", median(cpu.ours), median(cpu["gradio-js"]), "<=", 0.5),
      ratioTarget("B3 calls/s ≥ Python gradio_client", median(rate.ours), median(rate.python), ">=", 1),
    ],
    notes: ["B3: errors and mismatches are counted inside each client; a run with either is reported as failed."],
  };
}
