/**
 * Saved schemas: a snapshot written by `--save-snapshot` (source + /config + /info, with volatile
 * fields removed so re-snapshotting an unchanged app gives the same bytes, and `"login": true` when
 * the module has login support — never credentials), a bare `/info` JSON, or a bare `/config` JSON
 * (Gradio 3.x–4.x apps whose schema is only in /config).
 */
import { readFile } from "node:fs/promises";
import { CodegenError } from "../errors.js";
import { checkShape, isObject, type JsonObject, type RawSchema } from "./raw-schema.js";

export const SNAPSHOT_FORMAT = "gradio-codegen-snapshot/1";

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly source: string;
  readonly baseUrl: string | null;
  readonly spaceId: string | null;
  /**
   * Present (true) when the module generated from it includes login support: the app asked for a
   * login when it was read, or `--login`/`--auth` was given. Regenerating keeps it.
   */
  readonly login?: true;
  readonly config: JsonObject | null;
  readonly info: JsonObject | null;
}

/** Reads a snapshot, a bare /info or a bare /config document. */
export async function readSchemaFile(path: string): Promise<RawSchema> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CodegenError(
      "SOURCE_NOT_FOUND",
      `cannot read ${path}: ${reason} (expected an http(s) URL, a Space id like owner/name, or a schema file)`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CodegenError("INVALID_JSON", `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isObject(json))
    throw new CodegenError("INVALID_SCHEMA", `${path}: expected a JSON object (at /)`, { pointer: "" });
  if (json["format"] === SNAPSHOT_FORMAT) {
    const config = json["config"] === null || json["config"] === undefined ? null : json["config"];
    if (config !== null && !isObject(config))
      throw new CodegenError("INVALID_SCHEMA", `${path}: "config" must be an object (at /config)`, {
        pointer: "/config",
      });
    const info = json["info"] === null || json["info"] === undefined ? null : json["info"];
    if (info !== null && !isObject(info))
      throw new CodegenError("INVALID_SCHEMA", `${path}: "info" must be an object (at /info)`, { pointer: "/info" });
    if (info === null && config === null)
      throw new CodegenError(
        "INVALID_SCHEMA",
        `${path}: snapshot with neither an "info" nor a "config" object (at /info)`,
        { pointer: "/info" },
      );
    const login = json["login"] ?? false;
    if (typeof login !== "boolean")
      throw new CodegenError("INVALID_SCHEMA", `${path}: "login" must be true or false (at /login)`, {
        pointer: "/login",
      });
    return checkShape(
      {
        source: typeof json["source"] === "string" ? json["source"] : path,
        baseUrl: typeof json["baseUrl"] === "string" ? json["baseUrl"] : null,
        spaceId: typeof json["spaceId"] === "string" ? json["spaceId"] : null,
        config,
        info,
        ...(login ? { login } : {}),
      },
      path,
    );
  }
  if ("named_endpoints" in json || "unnamed_endpoints" in json) {
    return checkShape({ source: path, baseUrl: null, spaceId: null, config: null, info: json }, path);
  }
  if (Array.isArray(json["dependencies"]) && Array.isArray(json["components"])) {
    return checkShape({ source: path, baseUrl: null, spaceId: null, config: json, info: null }, path);
  }
  throw new CodegenError(
    "INVALID_SCHEMA",
    `${path} is neither a gradio-codegen snapshot (no "format": "${SNAPSHOT_FORMAT}") nor a Gradio /info document (no "named_endpoints") nor a Gradio /config document (no "dependencies" and "components")`,
    { pointer: "" },
  );
}

/** The snapshot of a loaded schema, with per-process noise (app_id, code snippets) removed. */
export function toSnapshot(schema: RawSchema): Snapshot {
  const config = schema.config === null ? null : withoutKeys(schema.config, ["app_id"]);
  const info = schema.info === null ? null : withoutCodeSnippets(schema.info);
  const login = schema.login === true ? { login: true as const } : {};
  return {
    format: SNAPSHOT_FORMAT,
    source: schema.source,
    baseUrl: schema.baseUrl,
    spaceId: schema.spaceId,
    ...login,
    config,
    info,
  };
}

function withoutCodeSnippets(info: JsonObject): JsonObject {
  const named = isObject(info["named_endpoints"]) ? info["named_endpoints"] : {};
  return {
    ...info,
    named_endpoints: Object.fromEntries(
      Object.entries(named).map(([k, v]) => [k, isObject(v) ? withoutKeys(v, ["code_snippets"]) : v]),
    ),
  };
}

function withoutKeys(object: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
