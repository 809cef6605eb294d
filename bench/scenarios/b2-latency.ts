/**
 * B2 latency: `500 × scale` sequential echo calls in one process (100 × scale through a link),
 * p50/p99 per call, and each client's p50 above the raw floor (join + stream with fetch, no
 * library): what a client adds to what the server and the network cost anyway.
 */
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import { named, type BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { ratioTarget } from "../lib/targets.js";
import type { ClientId, ScenarioResult, Target } from "../lib/types.js";

/** Samples minus the raw floor's median, per client (the floor itself is 0 by definition). */
function aboveFloor(p50: Partial<Record<ClientId, number[]>>): Partial<Record<ClientId, number[]>> {
  const floor = median(p50.raw);
  const out: Partial<Record<ClientId, number[]>> = {};
  for (const [id, values] of Object.entries(p50) as [ClientId, number[]][])
    if (id !== "raw") out[id] = values.map((v) => v - floor);
  return out;
}

function overheadTarget(over: Partial<Record<ClientId, number[]>>): Target {
  const target = ratioTarget(
    "B2 p50 above the raw floor ≤ 0.5× @gradio/client's",
    median(over.ours),
    median(over["gradio-js"]),
    "<=",
    0.5,
  );
  return {
    ...target,
    detail: `${target.detail} (${median(over.ours).toFixed(2)} vs ${median(over["gradio-js"]).toFixed(2)} ms)`,
  };
}

export async function b2Latency(ctx: BenchContext): Promise<ScenarioResult> {
  const n = Math.max(20, Math.round((ctx.variant.rttMs > 0 ? 100 : 500) * ctx.scale));
  const warmup = 20;
  const outcomes = await interleave(ctx, {
    script: "b2-latency",
    config: () => ({ url: ctx.host.url("bench_echo"), module: ctx.modules["bench_echo"], n, warmup }),
    reps: ctx.reps,
    warmupRounds: 0,
    clients: ["ours", "gradio-js", "python", "raw"],
  });
  const p50 = collect(outcomes, num("p50"));
  const over = aboveFloor(p50);
  return {
    ...named(ctx, "B2", `latency (${n} sequential echo calls)`),
    reps: ctx.reps,
    warmup: `${warmup} untimed calls at the start of each process`,
    metrics: [
      { label: "p50", unit: "ms", better: "lower", decimals: 2, values: p50 },
      { label: "p50 above the raw floor", unit: "ms", better: "lower", decimals: 2, values: over },
      { label: "p99", unit: "ms", better: "lower", decimals: 2, values: collect(outcomes, num("p99")) },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: collect(outcomes, num("cpuS")) },
    ],
    failures: failuresOf(outcomes),
    targets: [overheadTarget(over)],
    notes: [],
  };
}
