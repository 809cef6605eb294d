/**
 * Runtime drift guard: compares what the module was generated from (fn_index, wire layout of an
 * endpoint) with the app's current `/config`, so a changed app gives a SchemaDriftError that says
 * what changed instead of a confusing failure, and never a silent call of the wrong function.
 */
import type { EndpointSpec, WireSlot } from "../spec.js";
import { sendJson, type HttpContext } from "../transport/http.js";
import { isObj, type Obj } from "../util/json.js";
import { slotKind } from "./slot-kind.js";

/** What changed for `spec`, in one sentence, or null when the app still matches. */
export async function detectDrift(
  http: HttpContext,
  base: string,
  spec: EndpointSpec,
  label: string,
): Promise<string | null> {
  const config = await sendJson(http, `${base}/config`);
  if (!isObj(config)) return null;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const deps = list(config["dependencies"]);
  const components = new Map<unknown, Obj>();
  for (const c of list(config["components"])) if (isObj(c)) components.set(c["id"], c);
  const index = deps.findIndex(
    (d, i) => isObj(d) && (spec.apiName === null ? (d["id"] ?? i) === spec.fnIndex : d["api_name"] === spec.apiName),
  );
  const dep = deps[index];
  if (!isObj(dep)) return `${label}: the app has no endpoint of that name any more (removed or renamed)`;
  const id = typeof dep["id"] === "number" ? dep["id"] : index;
  const changes = spec.fnIndex !== null && id !== spec.fnIndex ? [`fn_index ${spec.fnIndex} → ${id}`] : [];
  for (const side of ["inputs", "outputs"] as const) {
    let next = 0;
    const was = describe(spec[side]);
    const now = describe(
      list(dep[side]).map((c): WireSlot => {
        const kind = slotKind(components.get(c));
        return kind === "param" ? next++ : kind;
      }),
    );
    if (was !== now) changes.push(`${side} ${was} → ${now}`);
  }
  return changes.length === 0 ? null : `${label} changed: ${changes.join("; ")}`;
}

/** `[0, "state", 1]` → `(2 public + 1 State)`, the way `--check` counts them. */
function describe(slots: readonly WireSlot[]): string {
  const count = (kind: string) => slots.filter((s) => (typeof s === "number" ? "param" : s) === kind).length;
  return `(${count("param")} public${count("state") ? ` + ${count("state")} State` : ""}${count("skip") ? ` + ${count("skip")} layout` : ""})`;
}
