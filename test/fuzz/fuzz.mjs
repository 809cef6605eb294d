#!/usr/bin/env node
// `npm run fuzz -- --cases 5000 --seed N`: the generator fuzz test (test/unit/generator-fuzz.test.ts)
// at a larger size, run by vitest without the Gradio app hosts. Progress every 100 cases; the
// figure and every failure (with its seed) at the end; exit 1 when a case failed.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { cases: { type: "string" }, seed: { type: "string" } } });
const cases = Number(values.cases ?? 1000);
const seed = Number(values.seed ?? Date.now() % 1_000_000_000);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  process.stderr.write("usage: npm run fuzz -- [--cases N] [--seed S]\n");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..", "..");
const run = spawnSync("npx", ["vitest", "run", "--config", "test/fuzz/vitest.config.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_CASES: String(cases), FUZZ_SEED: String(seed), FUZZ_PROGRESS: "1" },
});
process.exitCode = run.status ?? 1;
