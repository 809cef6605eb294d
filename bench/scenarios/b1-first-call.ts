/**
 * B1 first call: new process → connect → first result of the echo endpoint. Wall time from spawn
 * to the result line, and the HTTP requests the server saw for that process (bench/apps/serve.py
 * counts them; the process exits right after its result, so late requests are counted too).
 */
import { collect, failuresOf, interleave } from "../lib/interleave.js";
import type { BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { absoluteTarget, ratioTarget } from "../lib/targets.js";
import type { ClientId, ScenarioResult } from "../lib/types.js";

export async function b1FirstCall(ctx: BenchContext): Promise<ScenarioResult> {
  const url = ctx.host.url("bench_echo");
  const requestPaths: Partial<Record<ClientId, string[]>> = {};
  const outcomes = await interleave(ctx, {
    script: "b1-first-call",
    config: () => ({ url, module: ctx.modules["bench_echo"] }),
    reps: ctx.reps,
    warmupRounds: 1,
    before: async () => {
      await fetch(`${ctx.host.origin}/__bench/reset`, { method: "POST" });
    },
    after: async (client, outcome) => {
      const seen = (await (await fetch(`${ctx.host.origin}/__bench/requests`)).json()) as { count: number; paths: string[] };
      requestPaths[client] = seen.paths;
      return { ...outcome, result: { ...outcome.result, requests: seen.count } };
    },
  });
  const wall = collect(outcomes, (o) => o.wallMs);
  const requests = collect(outcomes, (o) => Number(o.result["requests"]));
  return {
    id: "B1",
    title: "first call (new process → first result, echo endpoint)",
    reps: ctx.reps,
    warmup: "1 untimed round per client (server warm-up)",
    metrics: [
      { label: "wall time", unit: "ms", better: "lower", decimals: 0, values: wall },
      { label: "of which import+connect+call (after boot)", unit: "ms", better: "lower", decimals: 0, values: collect(outcomes, (o) => Number(o.result["inScriptMs"])) },
      { label: "HTTP requests", unit: "", better: "lower", decimals: 0, values: requests },
    ],
    failures: failuresOf(outcomes),
    targets: [
      ratioTarget("B1 wall ≤ 0.5× @gradio/client", median(wall.ours), median(wall["gradio-js"]), "<=", 0.5),
      absoluteTarget("B1 ≤ 2 requests", median(requests.ours), "<=", 2, "requests"),
    ],
    notes: Object.entries(requestPaths).map(([client, paths]) => `B1 requests of ${client} (last run): ${paths.join(", ")}`),
  };
}
