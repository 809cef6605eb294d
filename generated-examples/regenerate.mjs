#!/usr/bin/env node
// Regenerates every example module from its committed schema snapshot, offline.
//   node generated-examples/regenerate.mjs          rewrite modules that changed
//   node generated-examples/regenerate.mjs --check  write nothing; exit 1 listing stale modules
// Needs the built generator (`npm run build`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { generate } from "../dist/generator/generate.js";
import { writeIfChanged } from "../dist/generator/output/write.js";

const here = import.meta.dirname;
const check = process.argv.includes("--check");
const { examples } = JSON.parse(await readFile(join(here, "examples.json"), "utf8"));
const stale = [];
for (const { name } of examples) {
  const target = join(here, name, `${name}.ts`);
  const { text } = await generate(join(here, name, "schema.json"));
  if (check) {
    const current = await readFile(target, "utf8").catch(() => null);
    if (current !== text) stale.push(target);
  } else if (await writeIfChanged(target, text)) {
    stale.push(target);
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`stale generated examples (run npm run examples):\n${stale.map((f) => `  ${f}`).join("\n")}\n`);
  process.exit(1);
}
process.stderr.write(check ? `${examples.length} examples up to date\n` : `${stale.length} of ${examples.length} examples rewritten\n`);
