/**
 * One `/info` endpoint + its `config.dependencies` entry → EndpointModel: wire slots, typed and
 * named parameters/returns, streaming flag. Every quirk is resolved here, once.
 */
import { pointerToken } from "../errors.js";
import { createNameTable } from "../emit/names.js";
import { isObject, type JsonObject } from "../load/raw-schema.js";
import type { Diagnostic, EndpointModel, ParameterModel, ReturnModel, Slot } from "./ir.js";
import { numericRange, refineInputType } from "./refine.js";
import { findFilePaths, schemaToType } from "./schema/index.js";
import { identitySlots, publicCount, wireSlots } from "./wire-slots.js";

export interface EndpointSource {
  readonly key: string;
  readonly group: "named_endpoints" | "unnamed_endpoints";
  readonly info: JsonObject;
  readonly apiName: string | null;
  readonly functionName: string;
  readonly dependency: JsonObject | null;
  readonly fnIndex: number | null;
  readonly components: ReadonlyMap<number, JsonObject>;
}

/** Names the signature may not use: the per-call options argument. */
const RESERVED_PARAMS = ["options"];

/** Builds the model of one endpoint, collecting diagnostics. */
export function buildEndpoint(source: EndpointSource, diagnostics: Diagnostic[]): EndpointModel {
  const base = `/info/${source.group}/${pointerToken(source.key)}`;
  const params = Array.isArray(source.info["parameters"]) ? (source.info["parameters"] as JsonObject[]) : [];
  const rets = Array.isArray(source.info["returns"]) ? (source.info["returns"] as JsonObject[]) : [];
  const dep = source.dependency;
  const inputIds = dep && Array.isArray(dep["inputs"]) ? (dep["inputs"] as number[]) : null;
  const outputIds = dep && Array.isArray(dep["outputs"]) ? (dep["outputs"] as number[]) : null;

  const inputSlots = alignSlots(inputIds, params.length, source.components, `${base}/parameters`, diagnostics);
  const outputSlots = alignSlots(outputIds, rets.length, source.components, `${base}/returns`, diagnostics);
  const inputComponents = publicComponents(inputIds, inputSlots, source.components);

  const paramNames = createNameTable({ taken: RESERVED_PARAMS });
  const parameters = params.map((param, i): ParameterModel => {
    const pointer = `${base}/parameters/${i}`;
    const serializer = typeof param["serializer"] === "string" ? param["serializer"] : undefined;
    const converted = schemaToType(param["type"], { pointer: `${pointer}/type`, direction: "input", ...(serializer ? { serializer } : {}) });
    diagnostics.push(...converted.diagnostics);
    const component = inputComponents[i];
    const type = refineInputType(converted.type, component);
    const label = text(param["label"]) ?? `parameter ${i + 1}`;
    const pythonName = text(param["parameter_name"]);
    const hasDefault = param["parameter_has_default"] === true;
    return {
      name: paramNames.claim(pythonName ?? label, `param${i + 1}`),
      ...(pythonName ? { pythonName } : {}),
      label,
      component: text(param["component"]) ?? "Component",
      type,
      hasDefault,
      ...(hasDefault ? { default: param["parameter_default"] ?? null } : {}),
      ...(descriptionOf(param) ? { description: descriptionOf(param) as string } : {}),
      ...("example_input" in param ? { example: param["example_input"] } : {}),
      ...(numericRange(component) ? { range: numericRange(component) } : {}),
      filePaths: findFilePaths(type),
    };
  });

  const returnNames = createNameTable();
  const returns = rets.map((ret, i): ReturnModel => {
    const pointer = `${base}/returns/${i}`;
    const serializer = typeof ret["serializer"] === "string" ? ret["serializer"] : undefined;
    const converted = schemaToType(ret["type"], { pointer: `${pointer}/type`, direction: "output", ...(serializer ? { serializer } : {}) });
    diagnostics.push(...converted.diagnostics);
    const label = text(ret["label"]) ?? `output ${i + 1}`;
    return {
      name: returnNames.claim(label, `output${i + 1}`),
      label,
      component: text(ret["component"]) ?? "Component",
      type: converted.type,
      ...(descriptionOf(ret) ? { description: descriptionOf(ret) as string } : {}),
      filePaths: findFilePaths(converted.type),
    };
  });

  const types = dep && isObject(dep["types"]) ? dep["types"] : {};
  return {
    apiName: source.apiName,
    functionName: source.functionName,
    fnIndex: source.fnIndex,
    ...(text(source.info["description"]) ? { description: text(source.info["description"]) as string } : {}),
    streaming: types["generator"] === true,
    queued: dep?.["queue"] !== false,
    parameters,
    returns,
    inputSlots,
    outputSlots,
  };
}

function alignSlots(ids: readonly number[] | null, count: number, components: ReadonlyMap<number, JsonObject>, pointer: string, diagnostics: Diagnostic[]): Slot[] {
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

function publicComponents(ids: readonly number[] | null, slots: readonly Slot[], components: ReadonlyMap<number, JsonObject>): (JsonObject | undefined)[] {
  if (ids === null) return [];
  const result: (JsonObject | undefined)[] = [];
  slots.forEach((slot, position) => {
    if (slot.kind === "param") result[slot.param] = components.get(ids[position] as number);
  });
  return result;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function descriptionOf(entry: JsonObject): string | null {
  const python = isObject(entry["python_type"]) ? entry["python_type"] : {};
  return text(python["description"]) ?? text(entry["description"]);
}
