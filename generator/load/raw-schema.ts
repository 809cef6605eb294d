/**
 * What the loader hands to the model: the raw `/config` and `/info` documents, checked for the
 * shape the model relies on (errors carry a JSON pointer), plus where they came from.
 */
import { unsafePathReason } from "@gradio-codegen/runtime";
import { CodegenError, pointerToken } from "../errors.js";

export type JsonObject = Record<string, unknown>;

export interface RawSchema {
  /** What the user passed (Space id, URL or file path). */
  readonly source: string;
  /** Base URL of the app, without trailing slash, when known. */
  readonly baseUrl: string | null;
  readonly spaceId: string | null;
  /** `/config`, or null when only `/info` is available. */
  readonly config: JsonObject | null;
  /** `/info`, or null for a `/config`-only document (Gradio 3.x–4.x apps without /info). */
  readonly info: JsonObject | null;
  /**
   * The app asks for Gradio's login (`auth=`, docs/protocol.md §5.4): it was read after logging
   * in, or it is a snapshot recording login support. Absent = false.
   */
  readonly login?: boolean;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws INVALID_SCHEMA with a pointer when the documents lack what the model needs. */
export function checkShape(schema: RawSchema, where: string): RawSchema {
  const fail = (pointer: string, message: string): never => {
    throw new CodegenError("INVALID_SCHEMA", `${where}: ${message} (at ${pointer})`, { pointer });
  };
  const { info, config } = schema;
  if (info === null && config === null) fail("", "neither /info nor /config");
  if (info !== null && !("named_endpoints" in info) && !("unnamed_endpoints" in info))
    fail("/info", "not a Gradio /info document: no named_endpoints");
  const jsClient = info === null ? null : jsClientPointer(info);
  if (jsClient !== null) {
    fail(
      jsClient,
      "this is the output of @gradio/client's view_api() (parameter types are TypeScript type strings, not JSON Schema), not a Gradio /info document; pass the app's URL or Space id, or save its raw /info (GET <app>/gradio_api/info or <app>/info) instead",
    );
  }
  for (const group of ["named_endpoints", "unnamed_endpoints"] as const) {
    const endpoints = info?.[group];
    if (endpoints === undefined) continue;
    if (!isObject(endpoints)) fail(`/info/${group}`, "expected an object of endpoints");
    for (const [name, endpoint] of Object.entries(endpoints as JsonObject)) {
      const base = `/info/${group}/${pointerToken(name)}`;
      if (!isObject(endpoint)) fail(base, "expected an endpoint object");
      const record = endpoint as JsonObject;
      for (const list of ["parameters", "returns"] as const) {
        const items = record[list];
        if (items === undefined) continue;
        if (!Array.isArray(items)) fail(`${base}/${list}`, `expected an array of ${list}`);
        (items as unknown[]).forEach((item, i) => {
          if (!isObject(item)) fail(`${base}/${list}/${i}`, "expected an object");
        });
      }
    }
  }
  if (config !== null) {
    apiPrefix(config["api_prefix"], where);
    if (config["dependencies"] !== undefined && !Array.isArray(config["dependencies"]))
      fail("/config/dependencies", "expected an array");
    if (config["components"] !== undefined && !Array.isArray(config["components"]))
      fail("/config/components", "expected an array");
    (Array.isArray(config["dependencies"]) ? config["dependencies"] : []).forEach((dep: unknown, i: number) => {
      if (!isObject(dep)) fail(`/config/dependencies/${i}`, "expected an object");
      const record = dep as JsonObject;
      for (const key of ["inputs", "outputs"]) {
        const ids = record[key];
        if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === "number"))) {
          fail(`/config/dependencies/${i}/${key}`, "expected an array of component ids");
        }
      }
    });
  }
  return schema;
}

/**
 * `api_prefix` as a path on the app's origin (README "Security model"): a value that could send
 * `/info` — with the token and cookies — to another host is INVALID_SCHEMA with its JSON pointer.
 */
export function apiPrefix(value: unknown, where: string): string {
  if (value === undefined || value === null) return "";
  const pointer = "/config/api_prefix";
  const shown = JSON.stringify(typeof value === "string" ? value.slice(0, 80) : value);
  const prefix = typeof value === "string" ? value.replace(/\/+$/, "") : null;
  const reason = prefix === null ? "it is not a string" : prefix === "" ? null : unsafePathReason(prefix);
  if (reason !== null) {
    throw new CodegenError(
      "INVALID_SCHEMA",
      `${where}: "api_prefix" ${shown} is not a path on the app's origin (${reason}), so no request is built from it (at ${pointer})`,
      { pointer },
    );
  }
  return prefix ?? "";
}

/**
 * Where an `/info`-like document shows it was transformed by @gradio/client's `view_api()`
 * (client/js/src/helpers/api_info.ts): an endpoint `type: {generator, cancel}` or a parameter
 * whose `type` is a string; null for a raw /info (whose `type`s are JSON Schema objects).
 */
export function jsClientPointer(info: JsonObject): string | null {
  for (const group of ["named_endpoints", "unnamed_endpoints"] as const) {
    const endpoints = info[group];
    if (!isObject(endpoints)) continue;
    for (const [name, endpoint] of Object.entries(endpoints)) {
      if (!isObject(endpoint)) continue;
      const base = `/info/${group}/${pointerToken(name)}`;
      if (isObject(endpoint["type"]) && "generator" in endpoint["type"]) return `${base}/type`;
      for (const list of ["parameters", "returns"] as const) {
        const items = Array.isArray(endpoint[list]) ? (endpoint[list] as unknown[]) : [];
        const i = items.findIndex((item) => isObject(item) && typeof item["type"] === "string");
        if (i !== -1) return `${base}/${list}/${i}/type`;
      }
    }
  }
  return null;
}
