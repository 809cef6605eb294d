/**
 * `gradio-codegen.config.json`: several apps generated or checked by one command. Every problem
 * names the entry and a JSON pointer; unknown keys are errors (a typo must not be ignored).
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CodegenError } from "../errors.js";

export interface AppEntry {
  /** Short name for the summary (default: the output file name). */
  readonly name: string;
  readonly source: string;
  /** Absolute path of the module to write/check. */
  readonly output: string;
  /** Environment variable holding the Hugging Face token for this app. */
  readonly tokenEnv: string | undefined;
  /** Environment variable holding `username:password` of an app launched with `auth=` (implies `login`). */
  readonly authEnv: string | undefined;
  /** Include login support in the module without logging in now. */
  readonly login: boolean;
  readonly allEndpoints: boolean;
  readonly typecheck: boolean;
}

export interface ProjectConfig {
  readonly path: string;
  /** How many apps run at once. */
  readonly concurrency: number;
  readonly apps: readonly AppEntry[];
}

const TOP_KEYS = new Set(["$schema", "concurrency", "apps"]);
const APP_KEYS = new Set(["name", "source", "output", "tokenEnv", "authEnv", "login", "allEndpoints", "typecheck"]);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads and validates a config file; relative paths resolve against its folder. */
export async function readConfig(path: string): Promise<ProjectConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CodegenError("SOURCE_NOT_FOUND", `cannot read the config file ${path}: ${reason}`, { cause: error });
  }
  const fail = (pointer: string, message: string): never => {
    throw new CodegenError("INVALID_SCHEMA", `${path}: ${message} (at ${pointer})`, { pointer });
  };
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return fail("", 'expected a JSON object with an "apps" array');
  const top = json as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (!TOP_KEYS.has(key)) fail(`/${key}`, `unknown key "${key}" (allowed: ${[...TOP_KEYS].join(", ")})`);
  const concurrency = top["concurrency"] ?? 4;
  if (typeof concurrency !== "number" || !Number.isInteger(concurrency) || concurrency < 1)
    fail("/concurrency", "expected a whole number ≥ 1");
  if (!Array.isArray(top["apps"]) || top["apps"].length === 0) fail("/apps", "expected a non-empty array of apps");
  const base = dirname(resolve(path));
  const names = new Set<string>();
  const apps = (top["apps"] as unknown[]).map((entry, i): AppEntry => {
    const at = `/apps/${i}`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return fail(at, "expected an object");
    const app = entry as Record<string, unknown>;
    const label =
      typeof app["name"] === "string" ? app["name"] : typeof app["source"] === "string" ? app["source"] : `#${i}`;
    for (const key of Object.keys(app))
      if (!APP_KEYS.has(key))
        fail(`${at}/${key}`, `app ${label}: unknown key "${key}" (allowed: ${[...APP_KEYS].join(", ")})`);
    const str = (key: string, required: boolean): string | undefined => {
      const value = app[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== "string" || value === "")
        return fail(`${at}/${key}`, `app ${label}: "${key}" must be a non-empty string`);
      return value;
    };
    // The *name* of a variable: a value that is not one (e.g. "alice:secret") is never echoed.
    const envName = (key: string): string | undefined => {
      const value = str(key, false);
      if (value !== undefined && !ENV_NAME.test(value))
        fail(
          `${at}/${key}`,
          `app ${label}: "${key}" must be the name of an environment variable (letters, digits, _), not its value`,
        );
      return value;
    };
    const bool = (key: string, fallback: boolean): boolean => {
      const value = app[key] ?? fallback;
      if (typeof value !== "boolean") return fail(`${at}/${key}`, `app ${label}: "${key}" must be true or false`);
      return value;
    };
    const output = resolve(base, str("output", true) as string);
    const name = str("name", false) ?? output.split(/[\\/]/).pop() ?? label;
    if (names.has(name)) fail(`${at}/name`, `app ${label}: the name "${name}" is used twice`);
    names.add(name);
    const source = str("source", true) as string;
    const isLocalFile = !/^https?:\/\//i.test(source) && (source.endsWith(".json") || source.startsWith("."));
    return {
      name,
      source: isLocalFile ? resolve(base, source) : source,
      output,
      tokenEnv: str("tokenEnv", false),
      authEnv: envName("authEnv"),
      login: bool("login", false),
      allEndpoints: bool("allEndpoints", false),
      typecheck: bool("typecheck", true),
    };
  });
  return { path, concurrency: concurrency as number, apps };
}
