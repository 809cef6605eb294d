/** B4 streaming: a generator yielding `5,000 × scale` tokens; time to the last token, client CPU, order. */
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import { named, type BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { absoluteTarget, ratioTarget } from "../lib/targets.js";
import type { RunOutcome } from "../lib/process.js";
import type { ClientId, ScenarioResult } from "../lib/types.js";

export async function b4Stream(ctx: BenchContext): Promise<ScenarioResult> {
  const count = Math.max(100, Math.round(5000 * ctx.scale));
  const warmup = 50;
  const outcomes = await interleave(ctx, {
    script: "b4-stream",
    config: () => ({ url: ctx.host.url("bench_stream"), module: ctx.modules["bench_stream"], count, warmup }),
    reps: ctx.reps,
    warmupRounds: 0,
  });
  const cpu = collect(outcomes, num("cpuS"));
  // Lost tokens are shown for every run that got as far as streaming, failed ones included.
  const lost: Partial<Record<ClientId, number[]>> = {};
  for (const [id, runs] of Object.entries(outcomes) as [ClientId, RunOutcome[]][]) {
    lost[id] = runs
      .filter((o) => typeof o.result["received"] === "number")
      .map((o) => count - Number(o.result["received"]));
  }
  const oursLost = Math.max(...(lost.ours ?? [Number.NaN]));
  return {
    ...named(ctx, "B4", `streaming (${count} tokens from a generator)`),
    reps: ctx.reps,
    warmup: `one untimed ${warmup}-token stream at the start of each process`,
    metrics: [
      {
        label: "time to last token",
        unit: "ms",
        better: "lower",
        decimals: 0,
        values: collect(outcomes, num("lastTokenMs")),
      },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: cpu },
      { label: "tokens lost", unit: "", better: "lower", decimals: 0, values: lost },
    ],
    failures: failuresOf(outcomes),
    targets: [
      ratioTarget("B4 client CPU ≤ 0.5× @gradio/client", median(cpu.ours), median(cpu["gradio-js"]), "<=", 0.5),
      absoluteTarget("B4 0 tokens lost (ours, worst run)", oursLost, "<=", 0, "lost"),
    ],
    notes: [
      "B4: a token counts only if it is the next one in order; the completion message's repeat of the last token is ignored for every client.",
    ],
  };
}
