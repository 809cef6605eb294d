/**
 * Runtime drift guard: compares what the module was generated from (fn_index, wire layout of an
 * endpoint) with the app's current `/config`, so a changed app gives a SchemaDriftError that says
 * what changed instead of a confusing failure, and never a silent call of the wrong function.
 */
import type { EndpointSpec, WireSlot } from "../spec.js";
import { sendJson, type HttpContext } from "../transport/http.js";
import { slotKind } from "./slot-kind.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** What changed for `spec`, in one sentence, or null when the app still matches. */
export async function detectDrift(http: HttpContext, base: string, spec: EndpointSpec, label: string): Promise<string | null> {
  const config = await sendJson(http, `${base}/config`);
  if (!isObj(config)) return null;
  const deps = Array.isArray(config["dependencies"]) ? config["dependencies"] : [];
  const components = new Map<unknown, Obj>();
  for (const c of Array.isArray(config["components"]) ? config["components"] : []) if (isObj(c)) components.set(c["id"], c);
  const index = deps.findIndex((d, i) => isObj(d) && (spec.apiName === null ? (d["id"] ?? i) === spec.fnIndex : d["api_name"] === spec.apiName));
  const dep = deps[index];
  if (!isObj(dep)) return `${label}: the app has no endpoint of that name any more (removed or renamed)`;
  const changes: string[] = [];
  const id = typeof dep["id"] === "number" ? dep["id"] : index;
  if (spec.fnIndex !== null && id !== spec.fnIndex) changes.push(`fn_index ${spec.fnIndex} → ${id}`);
  const inputs = layout(dep["inputs"], components);
  const outputs = layout(dep["outputs"], components);
  if (describe(spec.inputs) !== describe(inputs)) changes.push(`inputs ${describe(spec.inputs)} → ${describe(inputs)}`);
  if (describe(spec.outputs) !== describe(outputs)) changes.push(`outputs ${describe(spec.outputs)} → ${describe(outputs)}`);
  return changes.length === 0 ? null : `${label} changed: ${changes.join("; ")}`;
}

function layout(ids: unknown, components: ReadonlyMap<unknown, Obj>): WireSlot[] {
  let next = 0;
  return (Array.isArray(ids) ? ids : []).map((id): WireSlot => {
    const kind = slotKind(components.get(id));
    return kind === "param" ? next++ : kind;
  });
}

/** `[0, "state", 1]` → `2 parameter(s) + 1 State`, the way `--check` counts them. */
function describe(slots: readonly WireSlot[]): string {
  const count = (kind: string) => slots.filter((s) => (typeof s === "number" ? "param" : s) === kind).length;
  const parts = [`${count("param")} public`];
  if (count("state") > 0) parts.push(`${count("state")} State`);
  if (count("skip") > 0) parts.push(`${count("skip")} layout`);
  return `(${parts.join(" + ")})`;
}
