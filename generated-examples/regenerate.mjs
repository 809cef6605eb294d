#!/usr/bin/env node
// Regenerates every example module (and its lock file) from its committed schema snapshot, offline.
//   node generated-examples/regenerate.mjs          rewrite what changed
//   node generated-examples/regenerate.mjs --check  write nothing; exit 1 listing stale files
// Needs the built generator (`npm run build`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { lockPath, lockText, makeLock } from "../dist/generator/check/lock.js";
import { generate } from "../dist/generator/generate.js";
import { writeIfChanged } from "../dist/generator/output/write.js";

const here = import.meta.dirname;
const check = process.argv.includes("--check");
const { examples } = JSON.parse(await readFile(join(here, "examples.json"), "utf8"));
const stale = [];
for (const { name } of examples) {
  const target = join(here, name, `${name}.ts`);
  const result = await generate(join(here, name, "schema.json"));
  const files = [
    [target, result.text],
    [lockPath(target), lockText(makeLock(result, { allEndpoints: false }))],
  ];
  for (const [file, text] of files) {
    if (check) {
      if ((await readFile(file, "utf8").catch(() => null)) !== text) stale.push(file);
    } else if (await writeIfChanged(file, text)) {
      stale.push(file);
    }
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`stale generated examples (run npm run examples):\n${stale.map((f) => `  ${f}`).join("\n")}\n`);
  process.exit(1);
}
process.stderr.write(check ? `${examples.length} examples up to date\n` : `${stale.length} file(s) of ${examples.length} examples rewritten\n`);
