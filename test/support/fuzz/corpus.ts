/**
 * The documents the fuzz test mutates: the committed example snapshots (generated-examples/*),
 * each also as a bare /info and a bare /config document, the hostile-names schema, and the real
 * schemas of the shared fixtures folder (`../shared/fixtures` from the repository root) when
 * that folder exists next to the repository.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { hostileSchema } from "../../unit/hostile-names.js";
import { EXAMPLES_DIR, REPO_ROOT } from "../paths.js";

export interface Seed {
  readonly name: string;
  readonly doc: Record<string, unknown>;
}

const SHARED_FIXTURES = resolve(REPO_ROOT, "..", "shared", "fixtures");

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function examples(): Seed[] {
  const seeds: Seed[] = [];
  for (const name of readdirSync(EXAMPLES_DIR).sort()) {
    const file = join(EXAMPLES_DIR, name, "schema.json");
    if (!existsSync(file)) continue;
    const doc = readJson(file);
    seeds.push({ name: `example ${name}`, doc });
    if (doc["info"]) seeds.push({ name: `example ${name} (bare /info)`, doc: doc["info"] as Record<string, unknown> });
    if (doc["config"])
      seeds.push({ name: `example ${name} (bare /config)`, doc: doc["config"] as Record<string, unknown> });
  }
  return seeds;
}

function sharedFixtures(): { seeds: Seed[]; skipped?: string } {
  if (!existsSync(SHARED_FIXTURES)) return { seeds: [], skipped: `no shared fixtures at ${SHARED_FIXTURES}` };
  const seeds: Seed[] = [];
  for (const dir of ["info", "config"]) {
    const path = join(SHARED_FIXTURES, dir);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path)
      .filter((f) => f.endsWith(".json"))
      .sort())
      seeds.push({ name: `fixture ${dir}/${file}`, doc: readJson(join(path, file)) });
  }
  return { seeds };
}

/** The seed documents, in a fixed order, and why the shared fixtures were left out (if they were). */
export function corpus(): { seeds: Seed[]; skipped?: string } {
  const { info, config } = hostileSchema();
  const shared = sharedFixtures();
  // Through JSON so no two places share one array (a mutation changes one place, as in a file).
  const hostile = JSON.parse(
    JSON.stringify({ format: "gradio-codegen-snapshot/1", source: "hostile", info, config }),
  ) as Record<string, unknown>;
  const seeds = [...examples(), { name: "hostile names", doc: hostile }, ...shared.seeds];
  return shared.skipped === undefined ? { seeds } : { seeds, skipped: shared.skipped };
}
