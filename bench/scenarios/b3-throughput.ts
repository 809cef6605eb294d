/** B3 throughput: `2,000 × scale` calls at concurrency 64 to the fast endpoint, one client per process. */
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import { named, type BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { ratioTarget } from "../lib/targets.js";
import type { RunOutcome } from "../lib/process.js";
import type { ClientId, ScenarioResult, Target } from "../lib/types.js";

/** Ours vs Python; if every Python run had errors, against the rate those runs still reached. */
function pythonTarget(ours: number, pythonRates: number[], pythonRuns: RunOutcome[]): Target {
  const text = "B3 calls/s ≥ Python gradio_client";
  if (pythonRates.length > 0) return ratioTarget(text, ours, median(pythonRates), ">=", 1);
  const despite = pythonRuns.map((r) => Number(r.result["callsPerS"])).filter(Number.isFinite);
  const target = ratioTarget(text, ours, median(despite), ">=", 1);
  return { ...target, detail: `${target.detail} (vs the rate of Python's runs with errors)` };
}

/** What the failed runs still measured (calls/s despite errors), so a failure is not a blank. */
function failedRunNotes(outcomes: Partial<Record<ClientId, RunOutcome[]>>): string[] {
  return (Object.entries(outcomes) as [ClientId, RunOutcome[]][]).flatMap(([id, runs]) => {
    const failed = runs.filter((r) => r.result["ok"] !== true && typeof r.result["callsPerS"] === "number");
    if (failed.length === 0) return [];
    const shown = failed.map(
      (r) =>
        `${Number(r.result["callsPerS"]).toFixed(0)} calls/s with ${String(r.result["errors"])} errors, ${String(r.result["mismatches"])} mismatches`,
    );
    return [
      `B3 ${id}: ${failed.length}/${runs.length} runs had errors (${shown.join("; ")}); first error: ${String(failed[0]?.result["firstError"])}`,
    ];
  });
}

export async function b3Throughput(ctx: BenchContext, reps: number): Promise<ScenarioResult> {
  const n = Math.max(128, Math.round(2000 * ctx.scale));
  const concurrency = 64;
  const warmup = 128;
  const outcomes = await interleave(ctx, {
    script: "b3-throughput",
    config: () => ({ url: ctx.host.url("bench_fast"), module: ctx.modules["bench_fast"], n, concurrency, warmup }),
    reps,
    warmupRounds: 0,
    clients: ["ours", "gradio-js", "python", "raw"],
  });
  const rate = collect(outcomes, num("callsPerS"));
  const cpu = collect(outcomes, num("cpuS"));
  return {
    ...named(ctx, "B3", `throughput (${n} calls, concurrency ${concurrency}, fast endpoint)`),
    reps,
    warmup: `${warmup} untimed calls at concurrency ${concurrency} at the start of each process`,
    metrics: [
      { label: "calls/s", unit: "", better: "higher", decimals: 0, values: rate },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: cpu },
      { label: "peak RSS", unit: "MB", better: "lower", decimals: 0, values: collect(outcomes, num("peakRssMb")) },
      {
        label: "errors + mismatches",
        unit: "",
        better: "lower",
        decimals: 0,
        values: collect(outcomes, (o) => Number(o.result["errors"]) + Number(o.result["mismatches"])),
      },
    ],
    failures: failuresOf(outcomes),
    targets: [
      ratioTarget("B3 calls/s ≥ 1.2× @gradio/client", median(rate.ours), median(rate["gradio-js"]), ">=", 1.2),
      ratioTarget("B3 client CPU ≤ 0.6× @gradio/client", median(cpu.ours), median(cpu["gradio-js"]), "<=", 0.6),
      pythonTarget(median(rate.ours), rate.python ?? [], outcomes.python ?? []),
    ],
    notes: [
      "B3: errors and mismatches are counted inside each client; a run with either is reported as failed.",
      ...failedRunNotes(outcomes),
    ],
  };
}
