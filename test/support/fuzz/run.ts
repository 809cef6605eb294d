/**
 * A fuzz run: `cases` mutated documents (seeded: case i of seed s is always the same), each
 * through `runCase`, then every module produced is compiled strictly (`tsc --strict --noEmit`,
 * no skipLibCheck, against the installed runtime), in batches.
 */
import { typecheckFiles } from "../typecheck.js";
import { corpus } from "./corpus.js";
import { mutate } from "./mutate.js";
import { runCase } from "./outcome.js";
import { caseSeed, random } from "./random.js";

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** Scratch folder inside the repository (the modules import the runtime from node_modules). */
  readonly dir: string;
  readonly log?: (line: string) => void;
}

export interface FuzzReport {
  readonly modules: number;
  readonly refused: number;
  /** One line per case that ended in neither allowed outcome, with how to replay it. */
  readonly failures: string[];
  readonly skipped?: string;
}

const COMPILE_BATCH = 250;
const SLOW_MS = 2_000;

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seeds, skipped } = corpus();
  const failures: string[] = [];
  let pending: { file: string; label: string }[] = [];
  let modules = 0;
  let refused = 0;
  const compile = () => {
    const labels = new Map(pending.map((p) => [p.file, p.label]));
    for (const line of typecheckFiles(pending.map((p) => p.file))) {
      const file = [...labels.keys()].find((f) => line.startsWith(`${f}:`));
      failures.push(`${file ? labels.get(file) : "(batch)"}: does not compile: ${line}`);
    }
    pending = [];
  };
  for (let index = 0; index < options.cases; index++) {
    const rng = random(caseSeed(options.seed, index));
    const seed = rng.pick(seeds);
    const doc = structuredClone(seed.doc);
    const done = mutate(doc, rng);
    const label = `case ${index} (seed ${options.seed}, ${seed.name}: ${done.join("; ")})`;
    const started = performance.now();
    const outcome = await runCase(doc, options.dir, String(index), rng.chance(0.3));
    const ms = performance.now() - started;
    if (ms > SLOW_MS) options.log?.(`slow: ${label} took ${(ms / 1000).toFixed(1)} s (${outcome.kind})`);
    if (outcome.kind === "bug") failures.push(`${label}: ${outcome.problem}`);
    else if (outcome.kind === "refused") refused++;
    else {
      modules++;
      pending.push({ file: outcome.file, label });
    }
    if (pending.length >= COMPILE_BATCH) compile();
    if ((index + 1) % 100 === 0)
      options.log?.(
        `${index + 1}/${options.cases} cases: ${modules} modules, ${refused} refused, ${failures.length} failure(s)`,
      );
  }
  if (pending.length > 0) compile();
  return skipped === undefined ? { modules, refused, failures } : { modules, refused, failures, skipped };
}
