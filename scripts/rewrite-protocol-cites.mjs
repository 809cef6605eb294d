#!/usr/bin/env node
/**
 * Points every citation of the protocol reference at the project's own document: the old
 * reference lived outside the repository (a sibling `shared/` folder), the project's own is
 * docs/protocol.md with the same section numbers, so `<old doc> §3.2` becomes
 * `docs/protocol.md §3.2` and section numbers stay as they are.
 *
 *   node scripts/rewrite-protocol-cites.mjs          rewrite in place, list the files changed
 *   node scripts/rewrite-protocol-cites.mjs --check  change nothing; exit 1 if a file would change
 *
 * Idempotent. test/unit/protocol-cites.test.ts keeps the tree clean afterwards.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** Where citations may live (the published code, its tests, benchmarks and docs). */
const ENTRIES = [
  "generator",
  "runtime",
  "templates",
  "test",
  "bench",
  "scripts",
  "docs",
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
];
const SKIP_DIRS = new Set(["node_modules", "dist", ".venvs", ".runtimes", ".work", ".git"]);
const TEXT = /\.(?:[cm]?[jt]s|tsx|py|md|hbs|json|txt|ya?ml|sh)$/;

// Spelled in pieces so that this file does not cite the old document itself.
const OLD = ["gradio", "protocol.md"].join("-");
const OLD_PATH = new RegExp(String.raw`(?:\.\./|/work/)shared/` + OLD.replace(".", "\\."), "g");
const OLD_NAME = new RegExp(String.raw`(?<![\w/.-])` + OLD.replace(".", "\\."), "g");

/** The rewritten text of one file. */
function rewrite(text) {
  return text.replace(OLD_PATH, "docs/protocol.md").replace(OLD_NAME, "docs/protocol.md");
}

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    if (TEXT.test(path) && path !== SELF) yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!SKIP_DIRS.has(entry)) yield* files(join(path, entry));
  }
}

const check = process.argv.includes("--check");
const changed = [];
for (const entry of ENTRIES) {
  for (const file of files(join(ROOT, entry))) {
    const before = readFileSync(file, "utf8");
    const after = rewrite(before);
    if (after === before) continue;
    changed.push(relative(ROOT, file));
    if (!check) writeFileSync(file, after);
  }
}
for (const file of changed) process.stdout.write(`${check ? "would rewrite" : "rewrote"} ${file}\n`);
process.stdout.write(`${changed.length} file(s) ${check ? "cite the old protocol document" : "rewritten"}\n`);
if (check && changed.length > 0) process.exitCode = 1;
