/**
 * Per-conversion state of the schema walker: diagnostics sink, node budget, `$defs` scopes and
 * `$ref` resolution relative to the parameter's own schema root (docs/protocol.md §2.4 item 4).
 */
import type { Diagnostic } from "../ir.js";
import { childPointer, fragmentTokens, isRecord, own, type JsonRecord } from "./json.js";

/** Deepest schema nesting followed before giving up (guards cyclic JS objects too). */
export const MAX_DEPTH = 64;
/** Most schema nodes converted for one value (guards exponential `$ref` fan-out). */
export const MAX_NODES = 20_000;
/**
 * Most type nodes added by spelling out optional tuple elements for one value: those unions
 * repeat their elements, so nested ones would grow exponentially (8 levels of 8 optional items
 * from a 100-byte `$ref` schema), in memory and in the printed module.
 */
export const MAX_SPELLED_NODES = 5_000;

/** A schema object that can anchor `#/…` references, with its pointer in the source document. */
export interface Scope {
  readonly root: JsonRecord;
  readonly pointer: string;
}

/** Mutable state shared by one `schemaToType` call. */
export interface WalkState {
  readonly direction: "input" | "output";
  readonly diagnostics: Diagnostic[];
  readonly reported: Set<string>;
  nodes: number;
  /** Type nodes added so far by spelled-out tuple lengths (see `MAX_SPELLED_NODES`). */
  spelled: number;
}

/** Immutable position of the walker: where it is and how it got there. */
export interface Frame {
  readonly pointer: string;
  /** Innermost scope last. */
  readonly scopes: readonly Scope[];
  /** Resolved `$ref` targets currently being expanded (cycle guard). */
  readonly refChain: readonly unknown[];
  readonly depth: number;
}

/** Creates the state for one conversion. */
export function newState(direction: "input" | "output"): WalkState {
  return { direction, diagnostics: [], reported: new Set(), nodes: 0, spelled: 0 };
}

/** Records a diagnostic once per (pointer, message). */
export function report(state: WalkState, level: Diagnostic["level"], pointer: string, message: string): void {
  const key = `${level}\u0000${pointer}\u0000${message}`;
  if (state.reported.has(key)) return;
  state.reported.add(key);
  state.diagnostics.push({ level, pointer, message });
}

/** Descends into a child schema. */
export function child(frame: Frame, ...tokens: readonly (string | number)[]): Frame {
  return { ...frame, pointer: childPointer(frame.pointer, ...tokens), depth: frame.depth + 1 };
}

/** Pushes `schema` as a reference scope when it carries `$defs`/`definitions`. */
export function enterScope(frame: Frame, schema: JsonRecord): Frame {
  if (!isRecord(own(schema, "$defs")) && !isRecord(own(schema, "definitions"))) return frame;
  return { ...frame, scopes: [...frame.scopes, { root: schema, pointer: frame.pointer }] };
}

/** Result of looking up a local `$ref`. */
export type RefLookup =
  | { readonly ok: true; readonly target: unknown; readonly pointer: string }
  | { readonly ok: false; readonly reason: "external" | "unresolved" };

function walkTokens(root: unknown, tokens: readonly string[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const token of tokens) {
    if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
    else if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < current.length) {
      current = current[Number(token)];
    } else return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

/** Resolves a local `#/…` ref against the nearest enclosing scope that contains it. */
export function lookupRef(ref: string, scopes: readonly Scope[]): RefLookup {
  const tokens = fragmentTokens(ref);
  if (tokens === null) return { ok: false, reason: "external" };
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (scope === undefined) continue;
    const hit = walkTokens(scope.root, tokens);
    if (hit.found) return { ok: true, target: hit.value, pointer: childPointer(scope.pointer, ...tokens) };
  }
  return { ok: false, reason: "unresolved" };
}

/** Follows `$ref` chains without diagnostics (for peeking, e.g. file detection); null if unresolvable. */
export function peekResolved(schema: unknown, scopes: readonly Scope[]): unknown {
  let current = schema;
  for (let hops = 0; hops < 8; hops++) {
    if (!isRecord(current)) return current;
    const ref = own(current, "$ref");
    if (typeof ref !== "string") return current;
    const hit = lookupRef(ref, scopes);
    if (!hit.ok) return null;
    current = hit.target;
  }
  return null;
}
