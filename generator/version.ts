/** The generator's own version, read from the package manifest. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const here = import.meta.dirname;
const manifest = here.includes("/dist/") ? resolve(here, "..", "..", "package.json") : resolve(here, "..", "package.json");

export const GENERATOR_VERSION: string = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
