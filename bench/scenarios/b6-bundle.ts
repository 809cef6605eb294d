/**
 * B6 size: esbuild `--bundle --minify` of a one-call script per JS client (bench/clients/{ours,
 * gradio-js}/b6-bundle.mjs), for the node and browser platforms; raw bytes and gzip -9 bytes.
 * Deterministic, so one build per configuration (no repetitions).
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BenchContext } from "../lib/context.js";
import { absoluteTarget } from "../lib/targets.js";
import type { Metric, ScenarioResult } from "../lib/types.js";

async function bundleSize(entry: string, platform: "node" | "browser"): Promise<{ raw: number; gzip: number }> {
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, platform, format: "esm", write: false, logLevel: "silent" });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export async function b6Bundle(ctx: BenchContext): Promise<ScenarioResult> {
  const metrics: Metric[] = [];
  const failures: Record<string, string[]> = {};
  const gz: Record<string, number> = {};
  for (const platform of ["node", "browser"] as const) {
    const raw: Metric["values"] = {};
    const gzip: Metric["values"] = {};
    for (const client of ["ours", "gradio-js"] as const) {
      try {
        const size = await bundleSize(join(ctx.repoRoot, "bench", "clients", client, "b6-bundle.mjs"), platform);
        raw[client] = [size.raw];
        gzip[client] = [size.gzip];
        gz[`${client}-${platform}`] = size.gzip;
      } catch (error) {
        (failures[client] ??= []).push(`${platform}: ${String(error).slice(0, 200)}`);
      }
    }
    metrics.push({ label: `${platform} bundle, minified`, unit: "B", better: "lower", decimals: 0, values: raw });
    metrics.push({ label: `${platform} bundle, gzip -9`, unit: "B", better: "lower", decimals: 0, values: gzip });
  }
  return {
    id: "B6",
    title: "bundle size (esbuild --bundle --minify, one-call script)",
    reps: 1,
    warmup: "none (deterministic)",
    metrics,
    failures,
    targets: [
      absoluteTarget("B6 node ≤ 5,000 B gzipped", gz["ours-node"] ?? Number.NaN, "<=", 5000, "B"),
      absoluteTarget("B6 browser ≤ 5,000 B gzipped", gz["ours-browser"] ?? Number.NaN, "<=", 5000, "B"),
    ],
    notes: ["B6: Python gradio_client has no bundle; the issue's anchor was 15,103 B (node) / 15,689 B (browser) gzipped for @gradio/client."],
  };
}
