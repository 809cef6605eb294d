/**
 * After writing a module: when `@gradio-codegen/runtime` (which the module imports) cannot be
 * resolved from the module's folder, say how to install it, with the version this generator was
 * built against. A missing runtime otherwise shows up later as a bare TS2307.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const RUNTIME = "@gradio-codegen/runtime";

/** The version of the runtime installed next to this generator (the one its modules are tested with). */
function runtimeVersion(): string | undefined {
  try {
    const path = createRequire(import.meta.url).resolve(`${RUNTIME}/package.json`);
    const version: unknown = (JSON.parse(readFileSync(path, "utf8")) as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

/** One line to print when `output`'s folder cannot resolve the runtime; undefined when it can. */
export function runtimeHint(output: string): string | undefined {
  const from = join(resolve(dirname(output)), "__gradio_codegen_probe__.js");
  try {
    createRequire(from).resolve(`${RUNTIME}/package.json`);
    return undefined;
  } catch {
    const version = runtimeVersion();
    return `note: ${output} imports ${RUNTIME}, which is not installed where it can be found; install it in that project: npm i ${RUNTIME}${version ? `@${version}` : ""}\n`;
  }
}
