/**
 * B6 size: esbuild `--bundle --minify` of a one-call script per JS client (bench/clients/{ours,
 * gradio-js}/b6-bundle.mjs), for the node and browser platforms; raw bytes and gzip -9 bytes.
 * Also tree-shaking: the same one-endpoint call imported from a 25-endpoint module and from a
 * one-endpoint module (both generated from the bench_medium snapshot), browser bundle; and the
 * cost of each feature (b6-features.ts).
 * Deterministic, so one build per configuration (no repetitions).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BenchContext } from "../lib/context.js";
import { timeCommand } from "../lib/process.js";
import { absoluteTarget, ratioTarget } from "../lib/targets.js";
import { synthesize } from "./b7-generator.js";
import { featureRows } from "./b6-features.js";
import type { Metric, ScenarioResult } from "../lib/types.js";

async function bundleSize(entry: string, platform: "node" | "browser"): Promise<{ raw: number; gzip: number }> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Browser bundle (gzip) of `echo0("hello")` imported from a module of the first `count` endpoints of the medium snapshot ×2. */
async function treeShaken(ctx: BenchContext, mediumSchema: string, count: number): Promise<number> {
  const wide = synthesize(JSON.parse(readFileSync(mediumSchema, "utf8")) as Parameters<typeof synthesize>[0], 2);
  const deps = wide.config.dependencies.slice(0, count);
  const keep = new Set(deps.map((d) => `/${String(d["api_name"])}`));
  const named = Object.fromEntries(Object.entries(wide.info.named_endpoints).filter(([k]) => keep.has(k)));
  const schema = join(ctx.workDir, `b6-${count}-schema.json`);
  writeFileSync(
    schema,
    JSON.stringify({
      ...wide,
      config: { ...wide.config, dependencies: deps },
      info: { ...wide.info, named_endpoints: named },
    }),
  );
  const module = join(ctx.workDir, "gen", `b6_${count}.ts`);
  const run = await timeCommand(process.execPath, [
    join(ctx.repoRoot, "dist", "generator", "cli", "main.js"),
    schema,
    "-o",
    module,
    "-q",
    "--no-typecheck",
  ]);
  if (run.code !== 0) throw new Error(`generating ${count} endpoints: ${run.stderr.slice(0, 200)}`);
  const entry = join(ctx.workDir, `b6-${count}-entry.ts`);
  writeFileSync(entry, `import { echo0 } from "./gen/b6_${count}.js";\nconsole.log(await echo0("hello"));\n`);
  return (await bundleSize(entry, "browser")).gzip;
}

export async function b6Bundle(ctx: BenchContext, mediumSchema?: string): Promise<ScenarioResult> {
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
  let shaking: { one: number; wide: number } | null = null;
  if (mediumSchema) {
    try {
      shaking = { one: await treeShaken(ctx, mediumSchema, 1), wide: await treeShaken(ctx, mediumSchema, 25) };
      metrics.push({
        label: "one endpoint of a 1-endpoint module, browser gzip -9",
        unit: "B",
        better: "lower",
        decimals: 0,
        values: { ours: [shaking.one] },
      });
      metrics.push({
        label: "one endpoint of a 25-endpoint module, browser gzip -9",
        unit: "B",
        better: "lower",
        decimals: 0,
        values: { ours: [shaking.wide] },
      });
    } catch (error) {
      (failures["ours"] ??= []).push(`tree-shaking: ${String(error).slice(0, 200)}`);
    }
  }
  try {
    metrics.push(...(await featureRows(ctx, bundleSize)));
  } catch (error) {
    (failures["ours"] ??= []).push(`per feature: ${String(error).slice(0, 300)}`);
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
      ratioTarget(
        "B6 one endpoint of 25 ≤ 1.1× one endpoint of 1 (browser gzip)",
        shaking?.wide ?? Number.NaN,
        shaking?.one ?? Number.NaN,
        "<=",
        1.1,
      ),
    ],
    notes: [
      "B6: Python gradio_client has no bundle; the issue's anchor was 15,103 B (node) / 15,689 B (browser) gzipped for @gradio/client.",
    ],
  };
}
