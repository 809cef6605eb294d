/**
 * The API surface of an app: what user code depends on (endpoints, parameters, results, types,
 * defaults) and what the runtime bakes in (fn_index, wire slots). Derived from the IR, stored in
 * the lock file, compared by `--check`. Canonical JSON → a stable schema hash.
 */
import { createHash } from "node:crypto";
import type { ClientModel, Declaration, Slot, TypeNode } from "../model/ir.js";

export interface ParameterSurface {
  readonly name: string;
  readonly pythonName: string | null;
  readonly label: string;
  readonly component: string;
  readonly type: TypeNode;
  readonly hasDefault: boolean;
  readonly default: unknown;
}

export interface ReturnSurface {
  readonly name: string;
  readonly label: string;
  readonly component: string;
  readonly type: TypeNode;
}

export interface EndpointSurface {
  readonly apiName: string | null;
  readonly functionName: string;
  readonly fnIndex: number | null;
  readonly streaming: boolean;
  readonly inputs: readonly (number | "state" | "skip")[];
  readonly outputs: readonly (number | "state" | "skip")[];
  readonly parameters: readonly ParameterSurface[];
  readonly returns: readonly ReturnSurface[];
}

export interface ApiSurface {
  readonly gradioVersion: string | null;
  /**
   * The module has login support (`connect({ auth })` works). Absent in locks written before this
   * was a choice, whose modules always had it. Like the Gradio version, not part of the hash.
   */
  readonly login?: boolean;
  readonly endpoints: readonly EndpointSurface[];
}

/** The surface of a model, with `named` types inlined so comparisons see real shapes. */
export function apiSurface(model: ClientModel): ApiSurface {
  const declarations = new Map(model.declarations.map((d: Declaration) => [d.name, d.type]));
  const inline = (type: TypeNode): TypeNode => inlineNamed(type, declarations, 0);
  const slot = (s: Slot) => (s.kind === "param" ? s.param : s.kind);
  return {
    gradioVersion: model.app.gradioVersion,
    login: model.login,
    endpoints: model.endpoints.map((e) => ({
      apiName: e.apiName,
      functionName: e.functionName,
      fnIndex: e.fnIndex,
      streaming: e.streaming,
      inputs: e.inputSlots.map(slot),
      outputs: e.outputSlots.map(slot),
      parameters: e.parameters.map((p) => ({
        name: p.name,
        pythonName: p.pythonName ?? null,
        label: p.label,
        component: p.component,
        type: inline(p.type),
        hasDefault: p.hasDefault,
        default: p.hasDefault ? (p.default ?? null) : null,
      })),
      returns: e.returns.map((r) => ({ name: r.name, label: r.label, component: r.component, type: inline(r.type) })),
    })),
  };
}

function inlineNamed(type: TypeNode, declarations: ReadonlyMap<string, TypeNode>, depth: number): TypeNode {
  if (depth > 32) return type;
  const next = (t: TypeNode) => inlineNamed(t, declarations, depth + 1);
  switch (type.kind) {
    case "named":
      return next(declarations.get(type.name) ?? { kind: "unknown" });
    case "array":
      return { kind: "array", items: next(type.items) };
    case "tuple":
      return { kind: "tuple", items: type.items.map(next), ...(type.rest ? { rest: next(type.rest) } : {}) };
    case "union":
      return { kind: "union", members: type.members.map(next) };
    case "object":
      return {
        kind: "object",
        properties: type.properties.map((p) => ({ key: p.key, optional: p.optional, type: next(p.type) })),
        ...(type.additional ? { additional: next(type.additional) } : {}),
      };
    default:
      return type;
  }
}

/** JSON with object keys sorted: the same surface always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** `sha256:<hex>` of the canonical endpoints (the Gradio version and login support are left out: they are reported separately). */
export function surfaceHash(surface: ApiSurface): string {
  return `sha256:${createHash("sha256").update(canonicalJson(surface.endpoints)).digest("hex")}`;
}
