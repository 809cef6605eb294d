/**
 * IR → the tool definitions of an app (one per endpoint): a JSON Schema of the arguments object
 * per endpoint, in the subset the runtime's tool dispatcher checks (runtime/src/tools/
 * json-schema.ts) and that OpenAI, Anthropic and MCP accept as a function's parameters.
 * Choices become `enum`, ranges `minimum`/`maximum`, files a URL string. Named types are inlined
 * (depth-bounded: a recursive type ends in "any JSON value").
 */
import type { ToolDefinition, ToolSchema } from "@gradio-codegen/runtime/tools";
import type { ClientModel, EndpointModel, ParameterModel, TypeNode } from "../model/ir.js";

const MAX_DEPTH = 12;
const FILE_NOTE = "A file, given as an http(s) URL the app can download.";

function literalsOf(members: readonly TypeNode[]): (string | number | boolean)[] | null {
  const values: (string | number | boolean)[] = [];
  for (const member of members) {
    if (member.kind !== "literal") return null;
    values.push(member.value);
  }
  return values;
}

/** One `TypeNode` as a JSON Schema. */
export function typeSchema(type: TypeNode, declarations: ReadonlyMap<string, TypeNode>, depth = 0): ToolSchema {
  if (depth > MAX_DEPTH) return {};
  const next = (t: TypeNode) => typeSchema(t, declarations, depth + 1);
  switch (type.kind) {
    case "string":
      return { type: "string" };
    case "number":
      return { type: type.integer === true ? "integer" : "number" };
    case "boolean":
      return { type: "boolean" };
    case "null":
      return { type: "null" };
    case "literal":
      return { enum: [type.value] };
    case "array":
      return { type: "array", items: next(type.items) };
    case "tuple": {
      const items = [...type.items, ...(type.rest ? [type.rest] : [])].map(next);
      return {
        type: "array",
        ...(items.length === 1
          ? { items: items[0] as ToolSchema }
          : items.length > 1
            ? { items: { anyOf: items } }
            : {}),
      };
    }
    case "object": {
      const properties = Object.fromEntries(
        type.properties.map((p) => [
          p.key,
          { ...next(p.type), ...(p.description ? { description: p.description } : {}) },
        ]),
      );
      const required = type.properties.filter((p) => !p.optional).map((p) => p.key);
      return {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: type.additional ? next(type.additional) : false,
      };
    }
    case "union": {
      const literals = literalsOf(type.members);
      if (literals !== null) return { enum: literals };
      // `"a" | "b" | (string & {})` (allow_custom_value) prints as a union with string: any string.
      if (
        type.members.some((m) => m.kind === "string") &&
        type.members.every((m) => m.kind === "string" || (m.kind === "literal" && typeof m.value === "string"))
      )
        return { type: "string" };
      return { anyOf: type.members.map(next) };
    }
    case "file":
      return { type: "string", format: "uri", description: FILE_NOTE };
    case "named": {
      const target = declarations.get(type.name);
      return target === undefined ? {} : next(target);
    }
    case "json":
    case "unknown":
      return {};
  }
}

/** `[A-Za-z0-9_-]{1,64}`, what OpenAI and Anthropic accept as a tool name. */
function toolName(endpoint: EndpointModel, taken: Set<string>): string {
  const base = (endpoint.apiName ?? endpoint.functionName).replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 60) || "endpoint";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

function parameterSchema(param: ParameterModel, declarations: ReadonlyMap<string, TypeNode>): ToolSchema {
  const schema = typeSchema(param.type, declarations);
  const facts = [param.description ?? param.label, `(${param.component})`];
  if (param.hasDefault) facts.push(`Default: ${JSON.stringify(param.default ?? null)}.`);
  const range = param.range;
  return {
    ...schema,
    description: [schema.description, facts.join(" ")].filter(Boolean).join(" "),
    ...(range?.minimum !== undefined && (schema.type === "number" || schema.type === "integer")
      ? { minimum: range.minimum }
      : {}),
    ...(range?.maximum !== undefined && (schema.type === "number" || schema.type === "integer")
      ? { maximum: range.maximum }
      : {}),
  };
}

/** The tool definitions of every endpoint of the model. */
export function toolDefinitions(model: ClientModel): ToolDefinition[] {
  const declarations = new Map(model.declarations.map((d) => [d.name, d.type]));
  const taken = new Set<string>();
  return model.endpoints.map((endpoint) => {
    const properties = Object.fromEntries(endpoint.parameters.map((p) => [p.name, parameterSchema(p, declarations)]));
    const required = endpoint.parameters.filter((p) => !p.hasDefault).map((p) => p.name);
    const where =
      endpoint.apiName === null
        ? `an unnamed endpoint of ${model.app.source}`
        : `/${endpoint.apiName} of ${model.app.source}`;
    const description = `${endpoint.description ?? `Calls ${where}.`}${endpoint.description ? ` (Endpoint ${where}.)` : ""}${endpoint.streaming ? " Streams partial results; the tool returns the final one." : ""}`;
    return {
      name: toolName(endpoint, taken),
      description,
      parameters: {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: false,
      },
      method: endpoint.functionName,
      params: endpoint.parameters.map((p) => p.name),
      returns: endpoint.returns.length > 1 ? endpoint.returns.map((r) => r.name) : [],
    };
  });
}
