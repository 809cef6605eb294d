/**
 * B7 generator: `node dist/generator/cli/main.js <schema> -o <file>` as a new process (cold), on a
 * small (whisper), medium (20 endpoints, snapshot of bench_medium), large (200 endpoints,
 * synthetic: the medium schema ×10 with renamed endpoints) and xlarge (5,000 endpoints: ×250)
 * schema, with and without type-check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "../lib/context.js";
import { timeCommand } from "../lib/process.js";
import { median } from "../lib/stats.js";
import { absoluteTarget } from "../lib/targets.js";
import type { Metric, ScenarioResult } from "../lib/types.js";

interface Snapshot {
  config: { dependencies: Array<Record<string, unknown>> };
  info: { named_endpoints: Record<string, unknown> };
}

/** The medium snapshot with every endpoint copied `times` times under new names. */
export function synthesize(medium: Snapshot, times: number): Snapshot {
  const deps: Array<Record<string, unknown>> = [];
  const named: Record<string, unknown> = {};
  for (let k = 0; k < times; k++) {
    for (const dep of medium.config.dependencies) {
      const apiName = `${String(dep["api_name"])}_${k}`;
      named[`/${apiName}`] = medium.info.named_endpoints[`/${String(dep["api_name"])}`];
      deps.push({ ...dep, id: deps.length, api_name: apiName });
    }
  }
  return {
    ...medium,
    config: { ...medium.config, dependencies: deps },
    info: { ...medium.info, named_endpoints: named },
  };
}

export async function b7Generator(ctx: BenchContext, mediumSchema: string): Promise<ScenarioResult> {
  const large = join(ctx.workDir, "large-schema.json");
  const xlarge = join(ctx.workDir, "xlarge-schema.json");
  const medium = JSON.parse(readFileSync(mediumSchema, "utf8")) as Snapshot;
  writeFileSync(large, JSON.stringify(synthesize(medium, 10), null, 2));
  writeFileSync(xlarge, JSON.stringify(synthesize(medium, 250), null, 2));
  const schemas = {
    small: join(ctx.repoRoot, "generated-examples", "whisper", "schema.json"),
    medium: mediumSchema,
    large,
    xlarge,
  };
  const cli = join(ctx.repoRoot, "dist", "generator", "cli", "main.js");
  const modes = [
    { key: "no-tc", flags: ["--no-typecheck"] },
    { key: "tc", flags: [] },
  ] as const;
  const samples: Record<string, number[]> = {};
  const failures: string[] = [];
  const out = join(ctx.workDir, "b7-out.ts");
  for (let rep = -1; rep < ctx.reps; rep++) {
    for (const [size, schema] of Object.entries(schemas)) {
      for (const mode of modes) {
        const run = await timeCommand(process.execPath, [cli, schema, "-o", out, "-q", ...mode.flags], {
          cwd: ctx.workDir,
        });
        const tag = `${size}/${mode.key}`;
        ctx.log(
          `  b7 ${tag} ${rep < 0 ? "warm-up" : `rep ${rep + 1}/${ctx.reps}`}: ${(run.ms / 1000).toFixed(2)} s${run.code === 0 ? "" : ` FAILED ${run.stderr.slice(0, 200)}`}`,
        );
        if (run.code !== 0) failures.push(`${tag}: exit ${run.code}: ${run.stderr.slice(0, 200)}`);
        else if (rep >= 0) (samples[tag] ??= []).push(run.ms / 1000);
      }
    }
  }
  const metrics: Metric[] = [];
  for (const size of Object.keys(schemas)) {
    for (const mode of modes) {
      const label = `${size} (${Object.keys(JSON.parse(readFileSync(schemas[size as keyof typeof schemas], "utf8")).info?.named_endpoints ?? {}).length} endpoint(s)), ${mode.key === "tc" ? "with" : "without"} type-check`;
      metrics.push({
        label,
        unit: "s",
        better: "lower",
        decimals: 2,
        values: { ours: samples[`${size}/${mode.key}`] ?? [] },
      });
    }
  }
  return {
    id: "B7",
    title: "generator CLI cold run (new node process, schema file → module file)",
    reps: ctx.reps,
    warmup: "one untimed round (disk cache); every run is still a new process",
    metrics,
    failures: failures.length > 0 ? { ours: failures } : {},
    targets: [
      absoluteTarget("B7 small without type-check ≤ 1 s", median(samples["small/no-tc"]), "<=", 1, "s"),
      absoluteTarget("B7 small with type-check ≤ 2 s", median(samples["small/tc"]), "<=", 2, "s"),
      absoluteTarget("B7 large ≤ 5 s (with type-check)", median(samples["large/tc"]), "<=", 5, "s"),
      absoluteTarget("B7 xlarge (5,000 endpoints) ≤ 5 s (with type-check)", median(samples["xlarge/tc"]), "<=", 5, "s"),
    ],
    notes: ["B7: only gradio-codegen generates code; the anchors have no generator step."],
  };
}
