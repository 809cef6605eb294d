/**
 * `TypeNode` → TypeScript type text (deterministic, single-line unless a property carries a
 * description). Inputs print arrays/tuples `readonly` so callers may pass readonly data.
 */
import type { PropertyNode, TypeNode } from "../model/ir.js";
import { docLines, stringLiteral } from "./escape.js";
import { propertyKey } from "./names.js";

/** How to print the leaves that depend on the surrounding module. */
export interface PrintTypeContext {
  readonly direction: "input" | "output";
  /** Type name for a `file` node in input position, e.g. `FileInput`. */
  readonly fileInput: string;
  /** Type name for a `file` node in output position, e.g. `GradioFile`. */
  readonly fileOutput: string;
  /** Type name for any JSON value (must include `null`), e.g. `JsonValue`. */
  readonly json: string;
  /** Collects the leaf names printed (`fileInput`, `fileOutput`, `json`), for the imports. */
  readonly used?: Set<string>;
}

function leaf(name: string, ctx: PrintTypeContext): string {
  ctx.used?.add(name);
  return name;
}

const INDENT = "  ";

function literal(value: string | number | boolean): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "number";
  return value ? "true" : "false";
}

/** Element text for `T[]`/`...T[]`: unions and `readonly` types need parentheses. */
function element(type: TypeNode, ctx: PrintTypeContext, indent: string): string {
  const text = print(type, ctx, indent);
  const needsParens = (type.kind === "union" && type.members.length > 1) || text.startsWith("readonly ");
  return needsParens ? `(${text})` : text;
}

function readonlyPrefix(ctx: PrintTypeContext): string {
  return ctx.direction === "input" ? "readonly " : "";
}

function printTuple(type: Extract<TypeNode, { kind: "tuple" }>, ctx: PrintTypeContext, indent: string): string {
  const parts = type.items.map((item) => print(item, ctx, indent));
  if (type.rest !== undefined) parts.push(`...${element(type.rest, ctx, indent)}[]`);
  return `${readonlyPrefix(ctx)}[${parts.join(", ")}]`;
}

function docComment(description: string | undefined, indent: string): string[] {
  const lines = description === undefined ? [] : docLines(description);
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0] ?? ""} */`];
  return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

function indexType(
  type: Extract<TypeNode, { kind: "object" }>,
  extra: TypeNode,
  ctx: PrintTypeContext,
  indent: string,
): string {
  // Every declared property must be assignable to the index signature's type.
  const texts = [extra, ...type.properties.map((p) => p.type)].map((t) => print(t, ctx, indent));
  if (type.properties.some((p) => p.optional)) texts.push("undefined");
  return [...new Set(texts)].join(" | ");
}

function printObject(type: Extract<TypeNode, { kind: "object" }>, ctx: PrintTypeContext, indent: string): string {
  const { properties, additional } = type;
  if (properties.length === 0)
    return `Record<string, ${additional === undefined ? "never" : print(additional, ctx, indent)}>`;
  const inner = indent + INDENT;
  const member = (p: PropertyNode): string =>
    `${propertyKey(p.key)}${p.optional ? "?" : ""}: ${print(p.type, ctx, inner)};`;
  const members = properties.map((p) => ({ docs: docComment(p.description, inner), text: member(p) }));
  if (additional !== undefined)
    members.push({ docs: [], text: `[key: string]: ${indexType(type, additional, ctx, inner)};` });
  if (members.every((m) => m.docs.length === 0)) return `{ ${members.map((m) => m.text).join(" ")} }`;
  const body = members.flatMap((m) => [...m.docs, `${inner}${m.text}`]);
  return `{\n${body.join("\n")}\n${indent}}`;
}

function print(type: TypeNode, ctx: PrintTypeContext, indent: string): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
      return type.kind;
    case "literal":
      return literal(type.value);
    case "array":
      return `${readonlyPrefix(ctx)}${element(type.items, ctx, indent)}[]`;
    case "tuple":
      return printTuple(type, ctx, indent);
    case "object":
      return printObject(type, ctx, indent);
    case "union": {
      // `string` beside string literals would swallow them; `string & {}` keeps editor suggestions.
      const open = type.members.some((m) => m.kind === "literal" && typeof m.value === "string");
      const members = [
        ...new Set(type.members.map((m) => (open && m.kind === "string" ? "(string & {})" : print(m, ctx, indent)))),
      ];
      return members.length === 0 ? "never" : members.join(" | ");
    }
    case "file":
      return leaf(ctx.direction === "input" ? ctx.fileInput : ctx.fileOutput, ctx);
    case "json":
      return leaf(ctx.json, ctx);
    case "named":
      return type.name;
    default: {
      const exhaustive: never = type;
      void exhaustive;
      return "unknown";
    }
  }
}

/** Prints `type` as TypeScript type text for the given direction and leaf names. */
export function printType(type: TypeNode, ctx: PrintTypeContext): string {
  return print(type, ctx, "");
}
