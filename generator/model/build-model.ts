/**
 * RawSchema → ClientModel: picks the endpoints to expose, pairs each with its dependency
 * (fn_index, wire layout, streaming), and names the exported functions.
 */
import { createNameTable } from "../emit/names.js";
import { isObject, type JsonObject, type RawSchema } from "../load/raw-schema.js";
import { appFacts } from "./app-facts.js";
import { buildEndpoint } from "./endpoint.js";
import type { ClientModel, Diagnostic, EndpointModel } from "./ir.js";

export interface ModelOptions {
  /** Also expose unnamed endpoints (Gradio 3.x / early 4.x), as `fn<index>`. */
  readonly allEndpoints?: boolean;
}

/** Identifiers the generated module defines itself; endpoint functions must avoid them. */
export const MODULE_NAMES = ["app", "endpoints", "connect", "sharedClient", "createClient", "mapJobStream"];

/** Builds the IR of a whole app. */
export function buildModel(raw: RawSchema, options: ModelOptions = {}): ClientModel {
  const diagnostics: Diagnostic[] = [];
  const config = raw.config;
  const dependencies = config && Array.isArray(config["dependencies"]) ? (config["dependencies"] as unknown[]).filter(isObject) : [];
  const components = new Map<number, JsonObject>();
  for (const component of config && Array.isArray(config["components"]) ? (config["components"] as unknown[]) : []) {
    if (isObject(component) && typeof component["id"] === "number") components.set(component["id"], component);
  }
  const names = createNameTable({ taken: MODULE_NAMES });
  const endpoints: EndpointModel[] = [];

  const named = isObject(raw.info["named_endpoints"]) ? raw.info["named_endpoints"] : {};
  for (const [key, info] of Object.entries(named)) {
    if (!isObject(info) || info["api_visibility"] === "private") continue;
    const apiName = key.replace(/^\//, "");
    const index = dependencies.findIndex((dep) => dep["api_name"] === apiName && dep["backend_fn"] !== false);
    const dependency = index === -1 ? null : (dependencies[index] as JsonObject);
    if (config && dependency === null) {
      diagnostics.push({ level: "warning", pointer: `/info/named_endpoints/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, message: `no dependency in /config has api_name "${apiName}"; its fn_index is looked up at run time` });
    }
    const fnIndex = dependency === null ? null : typeof dependency["id"] === "number" ? dependency["id"] : index;
    endpoints.push(buildEndpoint({ key, group: "named_endpoints", info, apiName, functionName: names.claim(apiName, "endpoint"), dependency, fnIndex, components }, diagnostics));
  }

  const unnamed = isObject(raw.info["unnamed_endpoints"]) ? raw.info["unnamed_endpoints"] : {};
  if (options.allEndpoints) {
    for (const [key, info] of Object.entries(unnamed)) {
      const fnIndex = Number(key);
      if (!isObject(info) || !Number.isInteger(fnIndex)) continue;
      const dependency = dependencies.find((dep, i) => (typeof dep["id"] === "number" ? dep["id"] : i) === fnIndex) ?? null;
      endpoints.push(buildEndpoint({ key, group: "unnamed_endpoints", info, apiName: null, functionName: names.claim(`fn${fnIndex}`), dependency, fnIndex, components }, diagnostics));
    }
  } else if (Object.keys(unnamed).length > 0) {
    diagnostics.push({ level: "info", pointer: "/info/unnamed_endpoints", message: `${Object.keys(unnamed).length} unnamed endpoint(s) skipped; pass --all-endpoints to include them` });
  }
  return { app: appFacts(raw), endpoints, declarations: [], diagnostics };
}
