/**
 * One endpoint's entries + its `config.dependencies` entry → EndpointModel: wire slots, typed and
 * named parameters/returns, streaming flag. Every quirk is resolved here, once. The entries come
 * from `/info` (`infoEntries`) or, for config-only 3.x/4.x documents, from `from-config.ts`.
 */
import { pointerToken } from "../errors.js";
import { createNameTable } from "../emit/names.js";
import { isObject, type JsonObject } from "../load/raw-schema.js";
import type { Diagnostic, EndpointModel, ParameterModel, ReturnModel, Slot } from "./ir.js";
import { numericRange, refineInputType } from "./refine.js";
import { findFilePaths, schemaToType } from "./schema/index.js";
import { MAX_VALUE_DEPTH, tooDeepAt } from "./value-depth.js";
import { identitySlots, publicCount, wireSlots } from "./wire-slots.js";

/** One parameter or return value, whatever document it was read from. */
export interface EntrySource {
  /** JSON pointer of the entry's schema (diagnostics). */
  readonly typePointer: string;
  /** Its JSON Schema; `undefined` when the document has none (typed `unknown`). */
  readonly schema: unknown;
  readonly serializer?: string;
  readonly label: string | null;
  readonly component: string | null;
  readonly pythonName?: string | null;
  readonly hasDefault?: boolean;
  readonly default?: unknown;
  readonly description?: string | null;
  /** Present (even when null) only when the document has an example. */
  readonly example?: unknown;
}

export interface EndpointSource {
  /** JSON pointer of the endpoint (diagnostics). */
  readonly pointer: string;
  readonly parameters: readonly EntrySource[];
  readonly returns: readonly EntrySource[];
  readonly description: string | null;
  /** `/info` `oauth_token` (6.21+): the endpoint takes the caller's Hugging Face OAuth token. */
  readonly oauthToken?: "required" | "optional";
  readonly apiName: string | null;
  readonly functionName: string;
  readonly dependency: JsonObject | null;
  readonly fnIndex: number | null;
  readonly components: ReadonlyMap<number, JsonObject>;
}

/** Names the signature may not use: the per-call options argument and the locals of `connect`. */
const RESERVED_PARAMS = ["options", "client", "endpoints", "mapJobStream"];

/** The entries of one `/info` endpoint object (`parameters` or `returns`). */
export function infoEntries(info: JsonObject, list: "parameters" | "returns", base: string): EntrySource[] {
  const items = Array.isArray(info[list]) ? (info[list] as unknown[]).filter(isObject) : [];
  return items.map(
    (item, i): EntrySource => ({
      typePointer: `${base}/${list}/${i}/type`,
      schema: item["type"],
      ...(typeof item["serializer"] === "string" ? { serializer: item["serializer"] } : {}),
      label: text(item["label"]),
      component: text(item["component"]),
      pythonName: text(item["parameter_name"]),
      hasDefault: item["parameter_has_default"] === true,
      default: item["parameter_default"] ?? null,
      description: descriptionOf(item),
      ...("example_input" in item ? { example: item["example_input"] } : {}),
    }),
  );
}

/** The source of one `/info` endpoint. */
export function infoEndpoint(
  group: "named_endpoints" | "unnamed_endpoints",
  key: string,
  info: JsonObject,
): Pick<EndpointSource, "pointer" | "parameters" | "returns" | "description" | "oauthToken"> {
  const pointer = `/info/${group}/${pointerToken(key)}`;
  const oauth = info["oauth_token"];
  return {
    pointer,
    parameters: infoEntries(info, "parameters", pointer),
    returns: infoEntries(info, "returns", pointer),
    description: text(info["description"]),
    ...(oauth === "required" || oauth === "optional" ? { oauthToken: oauth } : {}),
  };
}

function convertEntry(entry: EntrySource, direction: "input" | "output", diagnostics: Diagnostic[]) {
  if (entry.schema === undefined && entry.serializer === undefined) {
    diagnostics.push({
      level: "info",
      pointer: entry.typePointer,
      message: "no schema for this value in the document (e.g. a 3.x /config without api_info); typed as unknown",
    });
    return { kind: "unknown" } as const;
  }
  // A 3.x serializer without a schema (3.2x configs): the serializer alone decides.
  const schema = entry.schema === undefined ? {} : entry.schema;
  const converted = schemaToType(schema, {
    pointer: entry.typePointer,
    direction,
    ...(entry.serializer ? { serializer: entry.serializer } : {}),
  });
  for (const diagnostic of converted.diagnostics) diagnostics.push(diagnostic);
  return converted.type;
}

/** Builds the model of one endpoint, collecting diagnostics. */
export function buildEndpoint(source: EndpointSource, diagnostics: Diagnostic[]): EndpointModel {
  const dep = source.dependency;
  const inputIds = dep && Array.isArray(dep["inputs"]) ? (dep["inputs"] as number[]) : null;
  const outputIds = dep && Array.isArray(dep["outputs"]) ? (dep["outputs"] as number[]) : null;

  const inputSlots = alignSlots(
    inputIds,
    source.parameters.length,
    source.components,
    `${source.pointer}/parameters`,
    diagnostics,
  );
  const outputSlots = alignSlots(
    outputIds,
    source.returns.length,
    source.components,
    `${source.pointer}/returns`,
    diagnostics,
  );
  const inputComponents = publicComponents(inputIds, inputSlots, source.components);

  const paramNames = createNameTable({ taken: RESERVED_PARAMS });
  const parameters = source.parameters.map((original, i): ParameterModel => {
    const param = shallowValues(original, diagnostics);
    const component = inputComponents[i];
    const type = refineInputType(convertEntry(param, "input", diagnostics), component);
    const label = param.label ?? `parameter ${i + 1}`;
    const pythonName = param.pythonName ?? null;
    const hasDefault = param.hasDefault === true;
    const range = numericRange(component);
    return {
      name: paramNames.claim(
        pythonName !== null && !ARGS_NAME.test(pythonName) ? pythonName : componentName(param, label),
        `param${i + 1}`,
      ),
      ...(pythonName ? { pythonName } : {}),
      label,
      component: param.component ?? "Component",
      type,
      hasDefault,
      ...(hasDefault ? { default: param.default ?? null } : {}),
      ...(param.description ? { description: param.description } : {}),
      ...("example" in param ? { example: param.example } : {}),
      ...(range ? { range } : {}),
      filePaths: findFilePaths(type),
    };
  });

  const returnNames = createNameTable();
  const returns = source.returns.map((ret, i): ReturnModel => {
    const type = convertEntry(ret, "output", diagnostics);
    const label = ret.label ?? `output ${i + 1}`;
    return {
      name: returnNames.claim(componentName(ret, label), `output${i + 1}`),
      label,
      component: ret.component ?? "Component",
      type,
      ...(ret.description ? { description: ret.description } : {}),
      filePaths: findFilePaths(type),
    };
  });

  const types = dep && isObject(dep["types"]) ? dep["types"] : {};
  return {
    apiName: source.apiName,
    functionName: source.functionName,
    fnIndex: source.fnIndex,
    ...(source.description ? { description: source.description } : {}),
    streaming: types["generator"] === true,
    queued: dep?.["queue"] !== false,
    ...(source.oauthToken ? { oauthToken: source.oauthToken } : {}),
    parameters,
    returns,
    inputSlots,
    outputSlots,
  };
}

function alignSlots(
  ids: readonly number[] | null,
  count: number,
  components: ReadonlyMap<number, JsonObject>,
  pointer: string,
  diagnostics: Diagnostic[],
): Slot[] {
  if (ids === null) return identitySlots(count);
  const slots = wireSlots(ids, components);
  if (publicCount(slots) === count) return slots;
  diagnostics.push({
    level: "warning",
    pointer,
    message: `/config lists ${publicCount(slots)} public components but /info lists ${count}; assuming /info positions are wire positions`,
  });
  return identitySlots(count);
}

function publicComponents(
  ids: readonly number[] | null,
  slots: readonly Slot[],
  components: ReadonlyMap<number, JsonObject>,
): (JsonObject | undefined)[] {
  if (ids === null) return [];
  const result: (JsonObject | undefined)[] = [];
  slots.forEach((slot, position) => {
    if (slot.kind === "param") result[slot.param] = components.get(ids[position] as number);
  });
  return result;
}

/** Gradio's names for the values of `*args` functions (`param_0`, …): the labels say more. */
const ARGS_NAME = /^param_\d+$/;
/** Gradio's labels for unlabelled components (`value_107` from its id, `parameter_6` from its position): they change with the layout. */
const ID_LABEL = /^(value|parameter)_\d+$/;

/** What to name a value after: its label, or its component type when the label is Gradio's id-based one (`chatbot`, then `chatbot2`). */
function componentName(entry: EntrySource, label: string): string {
  return ID_LABEL.test(label) && entry.component ? entry.component : label;
}

/**
 * The entry without a default or example nested deeper than `MAX_VALUE_DEPTH` (warned): such a
 * value would make the module, its lock and its JSDoc as deep, and no real component has one.
 * Without its default the parameter is required, which is always safe to call.
 */
function shallowValues(entry: EntrySource, diagnostics: Diagnostic[]): EntrySource {
  const fromConfig = entry.typePointer.startsWith("/config/");
  const base = entry.typePointer.slice(0, entry.typePointer.lastIndexOf("/"));
  const out: { -readonly [K in keyof EntrySource]: EntrySource[K] } = { ...entry };
  // A config-only default is the component's `props.value` (from-config.ts).
  const component = /^\/config\/components\/\d+/.exec(entry.typePointer)?.[0];
  const defaultPointer = fromConfig && component ? `${component}/props/value` : `${base}/parameter_default`;
  const defaultAt = entry.hasDefault === true ? tooDeepAt(entry.default, MAX_VALUE_DEPTH, defaultPointer) : null;
  if (defaultAt !== null) {
    diagnostics.push({
      level: "warning",
      pointer: defaultAt,
      message: `default nested deeper than ${MAX_VALUE_DEPTH} levels; ignored (the parameter is required)`,
    });
    out.hasDefault = false;
    delete out.default;
  }
  const exampleAt =
    "example" in entry
      ? tooDeepAt(entry.example, MAX_VALUE_DEPTH, `${base}/${fromConfig ? "example_inputs" : "example_input"}`)
      : null;
  if (exampleAt !== null) {
    diagnostics.push({
      level: "warning",
      pointer: exampleAt,
      message: `example nested deeper than ${MAX_VALUE_DEPTH} levels; left out of the documentation`,
    });
    delete out.example;
  }
  return out;
}

/** A non-empty string, else null. */
export function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function descriptionOf(entry: JsonObject): string | null {
  const python = isObject(entry["python_type"]) ? entry["python_type"] : {};
  return text(python["description"]) ?? text(entry["description"]);
}
