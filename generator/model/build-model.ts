/**
 * RawSchema → ClientModel: picks the endpoints to expose, pairs each with its dependency
 * (fn_index, wire layout, streaming), and names the exported functions.
 */
import { pointerToken } from "../errors.js";
import { allBinderNames, createNameTable } from "../emit/names.js";
import { isObject, type JsonObject, type RawSchema } from "../load/raw-schema.js";
import { appFacts } from "./app-facts.js";
import { buildEndpoint, infoEndpoint } from "./endpoint.js";
import { configEndpoints, configTables } from "./from-config.js";
import { hoistTypes } from "./hoist-types.js";
import type { ClientModel, Diagnostic, EndpointModel } from "./ir.js";
import { withValidationRules } from "./validation-rules.js";
import { assertDocumentDepth } from "./value-depth.js";

export interface ModelOptions {
  /** Also expose unnamed endpoints (Gradio 3.x / early 4.x), as `fn<index>`. */
  readonly allEndpoints?: boolean;
  /** Include login support even when the schema does not say the app asks for one. */
  readonly login?: boolean;
}

/**
 * Identifiers the generated module defines itself (module scope, and `close` on `Client`);
 * endpoint functions must avoid them.
 */
export const MODULE_NAMES = [
  ...[
    "app",
    "features",
    "connect",
    "configure",
    "shared",
    "client",
    "options",
    "createClient",
    "createAppClient",
    "createSharedClient",
    "bindEndpoint",
    "rebindEndpoint",
    "asyncDispose",
    "endpoints",
    "endpointTable",
    "sharedClient",
    "mock",
    "record",
    "createMock",
    "recordClient",
    "replay",
    "replayHandlers",
  ],
  ...[
    "withDirect",
    "withFiles",
    "withHeartbeat",
    "withLegacySse",
    "withLogin",
    "withSpaces",
    "withStreams",
    "withValidation",
    "withFileValidation",
    "mapJobStream",
    "close",
    "duplicate",
    "duplicateSpace",
  ],
  // The local binders (`bind`, `bindFiles`, …).
  ...allBinderNames(),
  // Meaningful to JS on a module namespace or a client object: `then` makes `await import()` and
  // `await connect()` treat them as thenables, `toJSON` takes over JSON.stringify.
  ...["then", "toJSON"],
];

/** Type names the generated module defines or imports; hoisted type aliases must avoid them. */
export const MODULE_TYPE_NAMES = [
  ...[
    "Client",
    "AppSpec",
    "CallOptions",
    "ClientOptions",
    "EndpointDecl",
    "EndpointSpec",
    "FileInput",
    "GradioFile",
    "JobStream",
    "JsonValue",
    "AsyncDisposal",
    "Updatable",
    "GradioUpdate",
    "ResultTuple",
    "MockClient",
    "MockHandlers",
    "Recorder",
    "Recording",
  ],
  // Global types the module's own declarations use.
  ...["Promise", "Symbol", "Readonly", "Record", "Array", "ReadonlyArray"],
  "DuplicateOptions",
];

/** Builds the IR of a whole app. */
export function buildModel(raw: RawSchema, options: ModelOptions = {}): ClientModel {
  if (raw.info !== null) assertDocumentDepth(raw.info, "/info");
  if (raw.config !== null) assertDocumentDepth(raw.config, "/config");
  const diagnostics: Diagnostic[] = [];
  const names = createNameTable({ taken: MODULE_NAMES });
  const endpoints =
    raw.info === null
      ? raw.config === null
        ? []
        : configEndpoints(raw.config, { allEndpoints: options.allEndpoints ?? false, names }, diagnostics)
      : infoEndpoints(raw.info, raw.config, { allEndpoints: options.allEndpoints ?? false, names }, diagnostics);
  if (raw.config === null && raw.info !== null && endpoints.length > 0) {
    // /info has neither the generator flag, nor State slots, nor the heartbeat flag (docs/protocol.md §1).
    diagnostics.push({
      level: "warning",
      pointer: "/config",
      message:
        "streaming and State cannot be known from /info alone; generate from the URL or a snapshot (generators are typed as plain calls, the wire layout is read from /config on the first call)",
    });
  }
  const hoisted = hoistTypes(endpoints, MODULE_TYPE_NAMES);
  return {
    app: appFacts(raw),
    login: raw.login === true || options.login === true,
    endpoints: withValidationRules(hoisted.endpoints, raw.config),
    declarations: hoisted.declarations,
    diagnostics,
  };
}

function infoEndpoints(
  info: JsonObject,
  config: JsonObject | null,
  options: { allEndpoints: boolean; names: ReturnType<typeof createNameTable> },
  diagnostics: Diagnostic[],
): EndpointModel[] {
  const { dependencies, components } = configTables(config);
  const { names } = options;
  const endpoints: EndpointModel[] = [];

  // One pass over the dependencies (a lookup per endpoint would make large apps quadratic).
  const byApiName = new Map<unknown, number>();
  const byFnIndex = new Map<number, JsonObject>();
  dependencies.forEach((dep, i) => {
    if (dep["backend_fn"] !== false && !byApiName.has(dep["api_name"])) byApiName.set(dep["api_name"], i);
    const fnIndex = typeof dep["id"] === "number" ? dep["id"] : i;
    if (!byFnIndex.has(fnIndex)) byFnIndex.set(fnIndex, dep);
  });

  const named = isObject(info["named_endpoints"]) ? info["named_endpoints"] : {};
  for (const [key, entry] of Object.entries(named)) {
    if (!isObject(entry) || entry["api_visibility"] === "private") continue;
    const apiName = key.replace(/^\//, "");
    const index = byApiName.get(apiName) ?? -1;
    const dependency = index === -1 ? null : (dependencies[index] as JsonObject);
    if (config && dependency === null) {
      diagnostics.push({
        level: "warning",
        pointer: `/info/named_endpoints/${pointerToken(key)}`,
        message: `no dependency in /config has api_name "${apiName}"; its fn_index is looked up at run time`,
      });
    }
    const fnIndex = dependency === null ? null : typeof dependency["id"] === "number" ? dependency["id"] : index;
    const source = infoEndpoint("named_endpoints", key, entry);
    endpoints.push(
      buildEndpoint(
        { ...source, apiName, functionName: names.claim(apiName, "endpoint"), dependency, fnIndex, components },
        diagnostics,
      ),
    );
  }

  const unnamed = isObject(info["unnamed_endpoints"]) ? info["unnamed_endpoints"] : {};
  if (options.allEndpoints) {
    for (const [key, entry] of Object.entries(unnamed)) {
      const fnIndex = Number(key);
      if (!isObject(entry) || !Number.isInteger(fnIndex)) continue;
      const dependency = byFnIndex.get(fnIndex) ?? null;
      const source = infoEndpoint("unnamed_endpoints", key, entry);
      endpoints.push(
        buildEndpoint(
          { ...source, apiName: null, functionName: names.claim(`fn${fnIndex}`), dependency, fnIndex, components },
          diagnostics,
        ),
      );
    }
  } else if (Object.keys(unnamed).length > 0) {
    diagnostics.push({
      level: "info",
      pointer: "/info/unnamed_endpoints",
      message: `${Object.keys(unnamed).length} unnamed endpoint(s) skipped; pass --all-endpoints to include them`,
    });
  }
  return endpoints;
}
