/**
 * JSON Schema (as found in `/info` `parameters[].type` / `returns[].type` and `/config`
 * `components[].api_info`) → `TypeNode`. Pure; never throws. See docs/protocol.md §2.2–§2.4.
 */
import type { Diagnostic, TypeNode } from "../ir.js";
import { convert } from "./convert.js";
import { isRecord, own } from "./json.js";
import { applyLegacySerializer } from "./legacy.js";
import { newState, report, type Frame } from "./walk.js";

export { findFilePaths } from "./file-paths.js";
export { literalChoices } from "./literal-choices.js";
export { makeUnion, typeKey } from "./union.js";

/** Where the schema comes from and which way its values travel. */
export interface SchemaContext {
  /** JSON pointer of the schema in its source document (prefix of diagnostic pointers). */
  readonly pointer: string;
  readonly direction: "input" | "output";
  /** Gradio 3.x `serializer` name from the `/info` entry, when present. */
  readonly serializer?: string;
}

/** A converted type and what was noticed on the way. */
export interface SchemaResult {
  readonly type: TypeNode;
  readonly diagnostics: Diagnostic[];
}

/** Converts one JSON Schema to a `TypeNode`; refs resolve against the schema's own root. */
export function schemaToType(schema: unknown, ctx: SchemaContext): SchemaResult {
  const state = newState(ctx.direction === "output" ? "output" : "input");
  let type: TypeNode;
  try {
    const frame: Frame = { pointer: ctx.pointer, scopes: [], refChain: [], depth: 0 };
    const rootFrame: Frame = isRecord(schema) ? { ...frame, scopes: [{ root: schema, pointer: ctx.pointer }] } : frame;
    type = convert(schema, rootFrame, state);
  } catch (error) {
    // Defensive only: hostile inputs (getters, proxies) must not take the generator down.
    report(state, "warning", ctx.pointer, `schema could not be read (${String(error)}); typed as unknown`);
    type = { kind: "unknown" };
  }
  if (ctx.serializer !== undefined) {
    const legacy = applyLegacySerializer(ctx.serializer, type);
    if (legacy.note !== undefined) report(state, "info", ctx.pointer, legacy.note);
    type = legacy.type;
  }
  return { type, diagnostics: state.diagnostics };
}

/** `schemaToType` for a Gradio 3.x `/info` entry with a `serializer` name. */
export function legacySerializerType(
  serializer: string,
  schema: unknown,
  ctx: Omit<SchemaContext, "serializer">,
): SchemaResult {
  return schemaToType(schema, { ...ctx, serializer });
}

/** Unwraps a 3.40-era `/config` `api_info` (`{"info": schema, "serialized_info": bool}`) to its schema. */
export function unwrapApiInfo(apiInfo: unknown): unknown {
  if (isRecord(apiInfo) && Object.hasOwn(apiInfo, "info") && Object.hasOwn(apiInfo, "serialized_info")) {
    return own(apiInfo, "info");
  }
  return apiInfo;
}
