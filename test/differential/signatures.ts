/**
 * Signatures of the same app generated from its URL, its saved /config and its saved /info,
 * compared parameter by parameter and each difference classified, so the test can say which
 * differences are allowed: only those the document truly cannot carry, each warned by the CLI.
 *
 * - `name`: a parameter's name (the Python argument names are only in /info).
 * - `none-default`: optional from the URL with default `null`, required from the document (a
 *   Python default of None without a component value: only /info says so).
 * - `streaming`: a generator became a plain call (only /config says so).
 * - anything else (`optional`, `default`, `type`, `arity`, `results`, `layout`: the wire slots of
 *   State and layout components, `missing`) is a defect.
 *
 * Types are compared with the module's named aliases expanded (an alias is named from its
 * parameter, `Op` vs `Operation`, so its name follows the parameter's name). Defaults are compared after one normalisation: the `url` of a file object (`{path, url, …}`) is
 * dropped. /config's URLs are absolute on the host it was read from, /info's are rewritten by
 * Gradio (6.x points them at the component's example file), and the server reads `path`.
 */
import { printType } from "../../generator/emit/print-type.js";
import type { ClientModel, EndpointModel, ParameterModel, TypeNode } from "../../generator/model/ir.js";

export type DiffKind =
  | "name"
  | "none-default"
  | "streaming"
  | "optional"
  | "default"
  | "type"
  | "arity"
  | "results"
  | "layout"
  | "missing";

export interface SignatureDiff {
  readonly kind: DiffKind;
  /** `/api param: url-side ≠ other-side`. */
  readonly text: string;
}

const CTX = { direction: "input", fileInput: "FileInput", fileOutput: "GradioFile", json: "JsonValue" } as const;

/** `fn(a?: T, b: U): Promise<[R]>` of one endpoint, for the table. */
export function signature(e: EndpointModel): string {
  const params = e.parameters.map((p) => `${p.name}${p.hasDefault ? "?" : ""}: ${printType(p.type, CTX)}`).join(", ");
  return `${e.functionName}(${params}): ${e.streaming ? "JobStream" : "Promise"}<[${results(e)}]>`;
}

function results(e: EndpointModel): string {
  return e.returns.map((r) => printType(r.type, { ...CTX, direction: "output" })).join(", ");
}

/** A type with the module's named aliases replaced by what they name. */
function expand(type: TypeNode, named: ReadonlyMap<string, TypeNode>, depth = 0): TypeNode {
  const again = (t: TypeNode) => expand(t, named, depth + 1);
  if (depth > 64) return type;
  switch (type.kind) {
    case "named": {
      const target = named.get(type.name);
      return target ? again(target) : type;
    }
    case "array":
      return { ...type, items: again(type.items) };
    case "tuple":
      return { ...type, items: type.items.map(again), ...(type.rest ? { rest: again(type.rest) } : {}) };
    case "union":
      return { ...type, members: type.members.map(again) };
    case "object":
      return {
        ...type,
        properties: type.properties.map((p) => ({ ...p, type: again(p.type) })),
        ...(type.additional ? { additional: again(type.additional) } : {}),
      };
    default:
      return type;
  }
}

function expanded(model: ClientModel): (type: TypeNode) => string {
  const named = new Map(model.declarations.map((d) => [d.name, d.type]));
  return (type) => printType(expand(type, named), CTX);
}

/** Every difference of `other`'s endpoints from the URL's, classified. */
export function signatureDiffs(urlModel: ClientModel, otherModel: ClientModel): SignatureDiff[] {
  const [url, other] = [urlModel.endpoints, otherModel.endpoints];
  const [urlType, otherType] = [expanded(urlModel), expanded(otherModel)];
  const byName = new Map(other.map((e) => [e.apiName, e]));
  return url.flatMap((e): SignatureDiff[] => {
    const o = byName.get(e.apiName);
    const at = `/${e.apiName}`;
    if (!o) return [{ kind: "missing", text: `${at} missing` }];
    const diffs: SignatureDiff[] = [];
    if (e.streaming !== o.streaming)
      diffs.push({ kind: "streaming", text: `${at}: streaming ${e.streaming} ≠ ${o.streaming}` });
    const [r, s] = [
      e.returns.map((x) => urlType(x.type)).join(", "),
      o.returns.map((x) => otherType(x.type)).join(", "),
    ];
    if (r !== s) diffs.push({ kind: "results", text: `${at}: [${r}] ≠ [${s}]` });
    const slots = (x: EndpointModel) => JSON.stringify([x.inputSlots, x.outputSlots]);
    if (slots(e) !== slots(o)) diffs.push({ kind: "layout", text: `${at}: slots ${slots(e)} ≠ ${slots(o)}` });
    if (e.parameters.length !== o.parameters.length)
      return [...diffs, { kind: "arity", text: `${at}: ${signature(e)} ≠ ${signature(o)}` }];
    e.parameters.forEach((p, i) => {
      const q = o.parameters[i] as ParameterModel;
      const where = `${at} ${p.name}`;
      if (p.name !== q.name) diffs.push({ kind: "name", text: `${where}: named ${q.name}` });
      const [t, u] = [urlType(p.type), otherType(q.type)];
      if (t !== u) diffs.push({ kind: "type", text: `${where}: ${t} ≠ ${u}` });
      if (p.hasDefault !== q.hasDefault) {
        const noneDefault = p.hasDefault && (p.default ?? null) === null;
        diffs.push({
          kind: noneDefault ? "none-default" : "optional",
          text: `${where}: optional ${p.hasDefault} ≠ ${q.hasDefault}`,
        });
      } else if (p.hasDefault && canonical(withoutUrls(p.default)) !== canonical(withoutUrls(q.default))) {
        diffs.push({ kind: "default", text: `${where}: default ${preview(p.default)} ≠ ${preview(q.default)}` });
      }
    });
    return diffs;
  });
}

function withoutUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUrls);
  if (typeof value !== "object" || value === null) return value ?? null;
  const entries = Object.entries(value).filter(([k]) => !(k === "url" && "path" in value));
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutUrls(v)]));
}

/** JSON with object keys sorted. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const preview = (value: unknown) => (JSON.stringify(value) ?? "undefined").slice(0, 80);
