/**
 * The lock file written next to every generated module (`whisper.ts` → `whisper.gradio-lock.json`):
 * provenance (source, Space, Gradio version, generator version), a hash of the normalized API
 * surface, and the surface itself, so `--check` can tell *what* changed without the old schema.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CodegenError } from "../errors.js";
import type { GenerateResult } from "../generate.js";
import { GENERATOR_VERSION } from "../version.js";
import { apiSurface, surfaceHash, type ApiSurface } from "./surface.js";

export const LOCK_FORMAT = "gradio-codegen-lock/1";

export interface LockFile {
  readonly format: typeof LOCK_FORMAT;
  readonly generator: string;
  readonly source: string;
  readonly spaceId: string | null;
  readonly gradioVersion: string | null;
  readonly schemaHash: string;
  readonly options: { readonly allEndpoints: boolean };
  readonly surface: ApiSurface;
}

/** Where the lock of a module lives. */
export function lockPath(modulePath: string): string {
  return join(dirname(modulePath), `${basename(modulePath).replace(/\.(m|c)?[tj]s$/, "")}.gradio-lock.json`);
}

/** The lock file's text (stable key order, trailing newline). */
export function lockText(lock: LockFile): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Reads and validates a lock file; missing or corrupt → a CodegenError naming the file. */
export async function readLock(path: string): Promise<LockFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new CodegenError(
      "SOURCE_NOT_FOUND",
      `no lock file at ${path}: generate the module once without --check (it writes the lock next to the module)`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(
      "INVALID_JSON",
      `the lock file ${path} is corrupted (${(error as Error).message}); regenerate the module to rewrite it`,
      { cause: error },
    );
  }
  const lock = value as Partial<LockFile> | null;
  if (
    !lock ||
    lock.format !== LOCK_FORMAT ||
    typeof lock.schemaHash !== "string" ||
    !lock.surface ||
    !Array.isArray(lock.surface.endpoints)
  ) {
    throw new CodegenError(
      "INVALID_SCHEMA",
      `the lock file ${path} is not a ${LOCK_FORMAT} document (at /format, /schemaHash or /surface); regenerate the module to rewrite it`,
      { pointer: "/format" },
    );
  }
  if (lock.surface.login !== undefined && typeof lock.surface.login !== "boolean") {
    throw new CodegenError(
      "INVALID_SCHEMA",
      `the lock file ${path} is corrupted: "login" must be true or false (at /surface/login); regenerate the module to rewrite it`,
      { pointer: "/surface/login" },
    );
  }
  return lock as LockFile;
}

/** The lock of a fresh generation. */
export function makeLock(result: GenerateResult, options: { allEndpoints: boolean }): LockFile {
  const surface = apiSurface(result.model);
  return {
    format: LOCK_FORMAT,
    generator: GENERATOR_VERSION,
    source: result.model.app.source,
    spaceId: result.model.app.spaceId,
    gradioVersion: result.model.app.gradioVersion,
    schemaHash: surfaceHash(surface),
    options: { allEndpoints: options.allEndpoints },
    surface,
  };
}
