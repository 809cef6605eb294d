/**
 * B8 `--check` (issue: regenerate in CI): a cold `gradio-codegen <snapshot> -o <module> --check`
 * of one app from its snapshot (target ≤ 1 s median), and `--config` with 20 apps checked in
 * parallel (each a copy of the medium snapshot, all up to date).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "../lib/context.js";
import { timeCommand } from "../lib/process.js";
import { median } from "../lib/stats.js";
import { absoluteTarget } from "../lib/targets.js";
import type { ScenarioResult } from "../lib/types.js";

const APPS_IN_CONFIG = 20;

export async function b8Check(ctx: BenchContext, mediumSchema: string): Promise<ScenarioResult> {
  const cli = join(ctx.repoRoot, "dist", "generator", "cli", "main.js");
  const dir = join(ctx.workDir, "b8");
  mkdirSync(dir, { recursive: true });
  const small = join(ctx.repoRoot, "generated-examples", "whisper", "schema.json");
  const module = join(dir, "whisper.ts");
  const prepare = await timeCommand(process.execPath, [cli, small, "-o", module, "-q"], { cwd: dir });
  const apps = Array.from({ length: APPS_IN_CONFIG }, (_, i) => {
    copyFileSync(mediumSchema, join(dir, `app${i}.json`));
    return { name: `app${i}`, source: `./app${i}.json`, output: `app${i}.ts` };
  });
  const config = join(dir, "gradio-codegen.config.json");
  writeFileSync(config, JSON.stringify({ concurrency: 4, apps }, null, 2));
  const generated = await timeCommand(process.execPath, [cli, "--config", config, "-q"], { cwd: dir });
  const failures: string[] = [];
  if (prepare.code !== 0 || generated.code !== 0)
    failures.push(`preparation failed: ${prepare.stderr.slice(0, 200)} ${generated.stderr.slice(0, 200)}`);
  const one: number[] = [];
  const twenty: number[] = [];
  for (let rep = -1; rep < ctx.reps && failures.length === 0; rep++) {
    const a = await timeCommand(process.execPath, [cli, small, "-o", module, "--check", "-q"], { cwd: dir });
    const b = await timeCommand(process.execPath, [cli, "--config", config, "--check", "-q"], { cwd: dir });
    ctx.log(
      `  b8 ${rep < 0 ? "warm-up" : `rep ${rep + 1}/${ctx.reps}`}: one app ${(a.ms / 1000).toFixed(2)} s (exit ${a.code}), ${APPS_IN_CONFIG} apps ${(b.ms / 1000).toFixed(2)} s (exit ${b.code})`,
    );
    if (a.code !== 0) failures.push(`one app: exit ${a.code}: ${a.stdout.slice(0, 200)}${a.stderr.slice(0, 200)}`);
    if (b.code !== 0) failures.push(`config: exit ${b.code}: ${b.stdout.slice(0, 200)}${b.stderr.slice(0, 200)}`);
    if (rep >= 0) {
      one.push(a.ms / 1000);
      twenty.push(b.ms / 1000);
    }
  }
  return {
    id: "B8",
    title: "--check cold run (new node process, snapshot → compare with module + lock)",
    reps: ctx.reps,
    warmup: "one untimed round; every run is a new process",
    metrics: [
      { label: "one app (whisper snapshot)", unit: "s", better: "lower", decimals: 2, values: { ours: one } },
      {
        label: `config of ${APPS_IN_CONFIG} apps (20-endpoint snapshots, concurrency 4)`,
        unit: "s",
        better: "lower",
        decimals: 2,
        values: { ours: twenty },
      },
    ],
    failures: failures.length > 0 ? { ours: failures } : {},
    targets: [absoluteTarget("B8 --check of one app from a snapshot ≤ 1 s", median(one), "<=", 1, "s")],
    notes: ["B8: type-check stays on (the default), as a CI job would run it."],
  };
}
