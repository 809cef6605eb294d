/**
 * Issue 10 "Done means": a bounded, seeded fuzz test of the generator. Real schemas (the example
 * snapshots, the hostile-names schema, the shared fixtures when present) are mutated — type
 * confusion, deletions, nesting up to 10,000 deep, huge strings and arrays, hostile names in any
 * key or text — and each case must end in exit 0 with a module that parses, is inert on import
 * and compiles strictly, or in exit 1 with one paragraph (test/support/fuzz/). Replay a failure
 * with FUZZ_SEED=<seed>; a larger run: `npm run fuzz -- --cases 5000 --seed N`.
 */
import { describe, expect, it } from "vitest";
import { fuzz } from "../support/fuzz/run.js";
import { workDir } from "../support/paths.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20_261_205);
const CASES = Number(process.env["FUZZ_CASES"] ?? 200);

describe("generator fuzz", () => {
  it(
    `${CASES} mutated schemas (seed ${SEED}) each end in a compiling, inert module or one paragraph`,
    async () => {
      const started = Date.now();
      const progress = (line: string) =>
        process.stderr.write(`[fuzz ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
      const report = await fuzz({
        cases: CASES,
        seed: SEED,
        dir: workDir("fuzz"),
        ...(process.env["FUZZ_PROGRESS"] ? { log: progress } : {}),
      });
      process.stderr.write(
        `generator fuzz: ${CASES} cases (seed ${SEED}): ${report.modules} modules (parse, inert, strict compile), ${report.refused} refused with one paragraph, ${report.failures.length} failure(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      if (report.skipped)
        process.stderr.write(`generator fuzz: ${report.skipped}; fuzzing the committed schemas only\n`);
      if (report.failures.length > 0)
        process.stderr.write(
          `generator fuzz failures (replay with FUZZ_SEED=${SEED}):\n${report.failures.join("\n")}\n`,
        );
      expect(report.failures, `seed ${SEED}`).toEqual([]);
      // Both outcomes occur: the mutations neither always break the schema nor never do.
      expect(report.modules).toBeGreaterThan(CASES / 10);
      expect(report.refused).toBeGreaterThan(0);
    },
    Math.max(600_000, CASES * 3_000),
  );
});
