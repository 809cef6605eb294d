/**
 * Endpoints of a `/config`-only document (Gradio 3.x–4.x apps without `/info`): one per
 * `config.dependencies` entry, typed from `components[].api_info` (3.40's `{info, serialized_info}`
 * unwrapped; absent before 3.40 → derived from the component type, else `unknown`). Labels from `props.label`, else Gradio's own
 * `parameter_<id>` / `value_<id>`; a component's initial `props.value` is the parameter's default, as
 * Gradio's /info has it (docs/protocol.md §1.5, §1.6).
 */
import type { NameTable } from "../emit/names.js";
import { isObject, type JsonObject } from "../load/raw-schema.js";
import { buildEndpoint, text, type EntrySource } from "./endpoint.js";
import type { Diagnostic, EndpointModel } from "./ir.js";
import { unwrapApiInfo } from "./schema/index.js";
import { legacyComponentSchema } from "./legacy-components.js";
import { slotKind } from "./wire-slots.js";

export interface ConfigModelOptions {
  readonly allEndpoints: boolean;
  readonly names: NameTable;
}

/** Endpoints of every backend dependency; unnamed or hidden ones only with `allEndpoints`. */
export function configEndpoints(
  config: JsonObject,
  options: ConfigModelOptions,
  diagnostics: Diagnostic[],
): EndpointModel[] {
  const { dependencies, components } = configTables(config);
  const positions = componentPositions(config);
  const endpoints: EndpointModel[] = [];
  let skipped = 0;
  dependencies.forEach((dep, index) => {
    // js-only listeners never reach the server; "private" endpoints cannot be called (6.x).
    if (dep["backend_fn"] === false || dep["api_visibility"] === "private") return;
    const fnIndex = typeof dep["id"] === "number" ? dep["id"] : index;
    const named =
      typeof dep["api_name"] === "string" &&
      dep["api_name"] !== "" &&
      dep["show_api"] !== false &&
      dep["api_visibility"] !== "undocumented";
    if (!named && !options.allEndpoints) {
      skipped++;
      return;
    }
    const apiName = named ? (dep["api_name"] as string).replace(/^\//, "") : null;
    const pointer = `/config/dependencies/${index}`;
    const entries = (key: "inputs" | "outputs"): EntrySource[] => {
      const ids = Array.isArray(dep[key]) ? (dep[key] as number[]) : [];
      return ids
        .filter((id) => slotKind(components.get(id)) === "param")
        .map((id) => configEntry(id, components.get(id), positions.get(id) ?? -1, key));
    };
    const functionName =
      apiName === null ? options.names.claim(`fn${fnIndex}`) : options.names.claim(apiName, "endpoint");
    const source = { pointer, parameters: entries("inputs"), returns: entries("outputs"), description: null };
    endpoints.push(
      buildEndpoint({ ...source, apiName, functionName, dependency: dep, fnIndex, components }, diagnostics),
    );
  });
  if (skipped > 0) {
    diagnostics.push({
      level: "info",
      pointer: "/config/dependencies",
      message: `${skipped} unnamed endpoint(s) skipped; pass --all-endpoints to include them`,
    });
  }
  if (endpoints.some((e) => e.parameters.length > 0)) {
    diagnostics.push({
      level: "warning",
      pointer: "/info",
      message:
        "generated from /config alone: parameter names come from component labels (the function's argument names are only in /info), and an argument whose Python default is None without a component value is required; generate from the URL or a snapshot for the exact signature",
    });
  }
  return endpoints;
}

/** `config.dependencies` (objects only) and `config.components` by id. */
export function configTables(config: JsonObject | null): {
  dependencies: JsonObject[];
  components: Map<number, JsonObject>;
} {
  const dependencies =
    config && Array.isArray(config["dependencies"]) ? (config["dependencies"] as unknown[]).filter(isObject) : [];
  const components = new Map<number, JsonObject>();
  for (const component of config && Array.isArray(config["components"]) ? (config["components"] as unknown[]) : []) {
    if (isObject(component) && typeof component["id"] === "number") components.set(component["id"], component);
  }
  return { dependencies, components };
}

function componentPositions(config: JsonObject): Map<number, number> {
  const positions = new Map<number, number>();
  const list = Array.isArray(config["components"]) ? (config["components"] as unknown[]) : [];
  list.forEach((component, i) => {
    if (isObject(component) && typeof component["id"] === "number") positions.set(component["id"], i);
  });
  return positions;
}

function configEntry(
  id: number,
  component: JsonObject | undefined,
  position: number,
  key: "inputs" | "outputs",
): EntrySource {
  const props = component && isObject(component["props"]) ? component["props"] : {};
  const base = `/config/components/${position}`;
  // 5.x configs split the schema by direction; 4.x has one; 3.40 wraps it in {info, serialized_info}.
  const directional = key === "inputs" ? "api_info_as_input" : "api_info_as_output";
  const apiKey = component && directional in component ? directional : "api_info";
  const raw = component?.[apiKey];
  // Configs before 3.40 have no api_info: the component's type and props stand in for it.
  const schema = raw === undefined ? legacyComponentSchema(component) : unwrapApiInfo(raw);
  const typePointer =
    raw === undefined ? `${base}/type` : schema !== raw ? `${base}/${apiKey}/info` : `${base}/${apiKey}`;
  const type = component && typeof component["type"] === "string" ? component["type"] : "";
  const examples = component?.["example_inputs"];
  return {
    typePointer,
    schema,
    ...(component && typeof component["serializer"] === "string" ? { serializer: component["serializer"] } : {}),
    label: text(props["label"]) ?? `${key === "inputs" ? "parameter" : "value"}_${id}`,
    // As Gradio's own /info (blocks.py get_api_info, 4.x–6.x): an input whose component value is not
    // None is optional, and that value, whatever its shape (FileData, a Dataframe's {headers, data},
    // a Gallery's list, JSON), is its default, sent as is. /info's FileData `url` may differ (it is
    // rewritten there); the server reads the `path` (docs/protocol.md §1.6).
    ...(key === "inputs" && hasValue(props["value"]) ? { hasDefault: true, default: props["value"] } : {}),
    component: type === "" ? null : type.charAt(0).toUpperCase() + type.slice(1),
    description: text(props["info"]),
    ...(key === "inputs" && examples !== undefined
      ? { example: isObject(examples) && "serialized" in examples ? examples["serialized"] : examples }
      : {}),
  };
}

/** Gradio's test for a default (`props.get("value") is not None`): any value but a missing one or null. */
function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}
