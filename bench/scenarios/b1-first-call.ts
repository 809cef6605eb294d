/**
 * B1 first call: new process → connect → first result of the echo endpoint. Wall time from spawn
 * to the result line, and the HTTP requests the server saw for that process (bench/apps/serve.py
 * counts them; the process exits right after its result, so late requests are counted too).
 */
import { collect, failuresOf, interleave } from "../lib/interleave.js";
import { named, type BenchContext } from "../lib/context.js";
import { median } from "../lib/stats.js";
import { absoluteTarget, ratioTarget } from "../lib/targets.js";
import type { ClientId, ScenarioResult } from "../lib/types.js";

/**
 * The driver's own requests to the counter. Retried once: the driver's fetch pool may hold a
 * keep-alive connection that the server closed while the driver's event loop was blocked (the
 * module generation before the scenarios runs synchronously), and the first reuse then fails
 * with "other side closed".
 */
async function counterFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return await fetch(url, init);
  }
}

export async function b1FirstCall(ctx: BenchContext): Promise<ScenarioResult> {
  const url = ctx.host.url("bench_echo");
  const counter = ctx.host.counterOrigin("bench_echo");
  const requestPaths: Partial<Record<ClientId, string[]>> = {};
  const outcomes = await interleave(ctx, {
    script: "b1-first-call",
    config: () => ({ url, module: ctx.modules["bench_echo"] }),
    reps: ctx.reps,
    warmupRounds: 1,
    before: async () => {
      await counterFetch(`${counter}/__bench/reset`, { method: "POST" });
    },
    after: async (client, outcome) => {
      const seen = (await (await counterFetch(`${counter}/__bench/requests`)).json()) as {
        count: number;
        paths: string[];
      };
      requestPaths[client] = seen.paths;
      return { ...outcome, result: { ...outcome.result, requests: seen.count } };
    },
  });
  const wall = collect(outcomes, (o) => o.wallMs);
  const requests = collect(outcomes, (o) => Number(o.result["requests"]));
  const onLink = ctx.variant.rttMs > 0;
  return {
    ...named(ctx, "B1", "first call (new process → first result, echo endpoint)"),
    reps: ctx.reps,
    warmup: "1 untimed round per client (server warm-up)",
    metrics: [
      { label: "wall time", unit: "ms", better: "lower", decimals: 0, values: wall },
      {
        label: "of which import+connect+call (after boot)",
        unit: "ms",
        better: "lower",
        decimals: 0,
        values: collect(outcomes, (o) => Number(o.result["inScriptMs"])),
      },
      { label: "HTTP requests", unit: "", better: "lower", decimals: 0, values: requests },
    ],
    failures: failuresOf(outcomes),
    targets: onLink
      ? [
          ratioTarget(
            `B1 wall on the ${ctx.variant.rttMs} ms link ≤ 0.6× @gradio/client`,
            median(wall.ours),
            median(wall["gradio-js"]),
            "<=",
            0.6,
          ),
        ]
      : [
          ratioTarget(
            "B1 wall ≤ 0.5× @gradio/client (loopback)",
            median(wall.ours),
            median(wall["gradio-js"]),
            "<=",
            0.5,
          ),
          absoluteTarget("B1 ≤ 2 requests", median(requests.ours), "<=", 2, "requests"),
        ],
    notes: onLink
      ? []
      : Object.entries(requestPaths).map(
          ([client, paths]) => `B1 requests of ${client} (last run): ${paths.join(", ")}`,
        ),
  };
}
