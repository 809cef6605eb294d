/**
 * Semantic diff of two API surfaces, each change classified: **breaking** (code written against
 * the old module may stop compiling or behave differently) or **compatible** (regenerate; code
 * keeps compiling). Computed from the schemas, never from text, so formatting cannot show up.
 */
import type { TypeNode } from "../model/ir.js";
import { literalChoices, typeKey } from "../model/schema/index.js";
import type { ApiSurface, EndpointSurface, ParameterSurface } from "./surface.js";

export interface ApiChange {
  readonly severity: "breaking" | "compatible";
  /** `/predict`, or `(app)` for app-wide changes. */
  readonly endpoint: string;
  readonly message: string;
}

/** Every difference between `before` (what the module was generated from) and `after` (the app now). */
export function diffSurfaces(before: ApiSurface, after: ApiSurface): ApiChange[] {
  const changes: ApiChange[] = [];
  if (before.gradioVersion !== after.gradioVersion) {
    changes.push({
      severity: "compatible",
      endpoint: "(app)",
      message: `Gradio version changed: ${before.gradioVersion ?? "unknown"} → ${after.gradioVersion ?? "unknown"}`,
    });
  }
  changes.push(...loginChange(before, after));
  const oldByName = new Map(before.endpoints.map((e) => [label(e), e]));
  const newByName = new Map(after.endpoints.map((e) => [label(e), e]));
  const removed = before.endpoints.filter((e) => !newByName.has(label(e)));
  const added = after.endpoints.filter((e) => !oldByName.has(label(e)));
  for (const old of removed) {
    const renamedTo = added.find((candidate) => signature(candidate) === signature(old));
    if (renamedTo) {
      added.splice(added.indexOf(renamedTo), 1);
      changes.push({
        severity: "breaking",
        endpoint: label(old),
        message: `endpoint renamed: ${label(old)} → ${label(renamedTo)} (function ${old.functionName} → ${renamedTo.functionName})`,
      });
    } else {
      changes.push({ severity: "breaking", endpoint: label(old), message: `endpoint removed: ${label(old)}` });
    }
  }
  for (const fresh of added)
    changes.push({
      severity: "compatible",
      endpoint: label(fresh),
      message: `endpoint added: ${label(fresh)} (function ${fresh.functionName})`,
    });
  for (const old of before.endpoints) {
    const now = newByName.get(label(old));
    if (now) changes.push(...diffEndpoint(old, now));
  }
  return changes;
}

/**
 * Login support is decided at generation time (the app asked for a login, or `--login`/`--auth`).
 * Added: compatible (code keeps compiling and running). Removed: breaking — `connect({ auth })`
 * still compiles but then fails with UNSUPPORTED. Locks from before it was a choice lack the field;
 * their modules always had it.
 */
function loginChange(before: ApiSurface, after: ApiSurface): ApiChange[] {
  const had = before.login ?? true;
  const has = after.login ?? true;
  if (had === has) return [];
  return has
    ? [
        {
          severity: "compatible",
          endpoint: "(app)",
          message:
            "login support added: connect({ auth }) logs in (the app asks for a login, or --login/--auth was given)",
        },
      ]
    : [
        {
          severity: "breaking",
          endpoint: "(app)",
          message:
            'login support removed: after regenerating, connect({ auth }) fails with UNSUPPORTED; if the app needs a login, pass --auth or --login (config: "authEnv" or "login": true)',
        },
      ];
}

function diffEndpoint(old: EndpointSurface, now: EndpointSurface): ApiChange[] {
  const changes: ApiChange[] = [];
  const at = label(old);
  const push = (severity: ApiChange["severity"], message: string) => changes.push({ severity, endpoint: at, message });
  if (old.streaming !== now.streaming)
    push(
      "breaking",
      now.streaming ? "now streams partial results (returns a JobStream)" : "no longer streams (returns a Promise)",
    );

  const key = (p: ParameterSurface) => p.pythonName ?? p.name;
  const oldParams = new Map(old.parameters.map((p) => [key(p), p]));
  const newParams = new Map(now.parameters.map((p) => [key(p), p]));
  for (const p of old.parameters) if (!newParams.has(key(p))) push("breaking", `parameter removed: ${p.name}`);
  for (const p of now.parameters) {
    if (oldParams.has(key(p))) continue;
    push(
      p.hasDefault ? "compatible" : "breaking",
      `parameter added: ${p.name}${p.hasDefault ? ` (optional, default ${preview(p.default)})` : " (required)"}`,
    );
  }
  const keptOld = old.parameters.map(key).filter((k) => newParams.has(k));
  const keptNew = now.parameters.map(key).filter((k) => oldParams.has(k));
  if (keptOld.join("\0") !== keptNew.join("\0"))
    push("breaking", `parameters reordered: (${keptOld.join(", ")}) → (${keptNew.join(", ")})`);
  for (const p of old.parameters) {
    const q = newParams.get(key(p));
    if (!q) continue;
    if (p.name !== q.name) push("compatible", `parameter renamed in the signature: ${p.name} → ${q.name}`);
    changes.push(...typeChanges(p.type, q.type, `parameter ${q.name}`, "input").map((c) => ({ ...c, endpoint: at })));
    if (p.hasDefault && !q.hasDefault) push("breaking", `parameter ${q.name} is now required`);
    else if (!p.hasDefault && q.hasDefault)
      push("compatible", `parameter ${q.name} is now optional (default ${preview(q.default)})`);
    else if (p.hasDefault && JSON.stringify(p.default) !== JSON.stringify(q.default))
      push("compatible", `default of ${q.name} changed: ${preview(p.default)} → ${preview(q.default)}`);
  }

  if (old.returns.length !== now.returns.length)
    push("breaking", `results changed: ${old.returns.length} → ${now.returns.length} output(s)`);
  else
    old.returns.forEach((r, i) =>
      changes.push(
        ...typeChanges(
          r.type,
          (now.returns[i] as { type: TypeNode }).type,
          `result ${now.returns[i]?.name ?? i}`,
          "output",
        ).map((c) => ({ ...c, endpoint: at })),
      ),
    );

  // Added/removed parameters or results move slots anyway; report the layout only when nothing else explains it.
  const sameArity = old.parameters.length === now.parameters.length && old.returns.length === now.returns.length;
  const slotsMoved =
    JSON.stringify(old.inputs) !== JSON.stringify(now.inputs) ||
    JSON.stringify(old.outputs) !== JSON.stringify(now.outputs);
  if (old.fnIndex !== now.fnIndex || (sameArity && slotsMoved)) {
    push(
      "compatible",
      `wire layout changed (fn_index ${old.fnIndex ?? "?"} → ${now.fnIndex ?? "?"}, ${old.inputs.length} → ${now.inputs.length} input slot(s), ${old.outputs.length} → ${now.outputs.length} output slot(s)): the committed module must be regenerated`,
    );
  }
  return changes;
}

function typeChanges(
  before: TypeNode,
  after: TypeNode,
  what: string,
  direction: "input" | "output",
): Omit<ApiChange, "endpoint">[] {
  if (typeKey(before) === typeKey(after)) return [];
  const hadFile = containsFile(before);
  const hasFile = containsFile(after);
  if (hadFile !== hasFile)
    return [{ severity: "breaking", message: `${what}: ${hadFile ? "file → non-file" : "non-file → file"}` }];
  const oldChoices = literalChoices(stripOpen(before));
  const newChoices = literalChoices(stripOpen(after));
  if (oldChoices && newChoices) {
    const removed = oldChoices.filter((c) => !newChoices.includes(c));
    const added = newChoices.filter((c) => !oldChoices.includes(c));
    const result: Omit<ApiChange, "endpoint">[] = [];
    // A caller may pass a removed choice (breaking); an added result value may be unhandled (breaking).
    if (removed.length > 0)
      result.push({
        severity: direction === "input" ? "breaking" : "compatible",
        message: `${what}: choices removed: ${removed.map(preview).join(", ")}`,
      });
    if (added.length > 0)
      result.push({
        severity: direction === "input" ? "compatible" : "breaking",
        message: `${what}: choices added: ${added.map(preview).join(", ")}`,
      });
    if (result.length > 0) return result;
  }
  if (direction === "input" && widens(before, after))
    return [{ severity: "compatible", message: `${what}: type widened` }];
  return [{ severity: "breaking", message: `${what}: type changed` }];
}

/** True when every value of `before` is still accepted by `after` (a conservative check). */
function widens(before: TypeNode, after: TypeNode): boolean {
  if (after.kind === "json" || after.kind === "unknown") return true;
  const members = after.kind === "union" ? after.members.map(typeKey) : [typeKey(after)];
  const olds = before.kind === "union" ? before.members : [before];
  return olds.every(
    (m) =>
      members.includes(typeKey(m)) ||
      (m.kind === "literal" && typeof m.value === "string" && members.includes(typeKey({ kind: "string" }))),
  );
}

function stripOpen(type: TypeNode): TypeNode {
  return type.kind === "union" ? { kind: "union", members: type.members.filter((m) => m.kind !== "string") } : type;
}

function containsFile(type: TypeNode): boolean {
  switch (type.kind) {
    case "file":
      return true;
    case "array":
      return containsFile(type.items);
    case "tuple":
      return type.items.some(containsFile) || (type.rest !== undefined && containsFile(type.rest));
    case "union":
      return type.members.some(containsFile);
    case "object":
      return (
        type.properties.some((p) => containsFile(p.type)) ||
        (type.additional !== undefined && containsFile(type.additional))
      );
    default:
      return false;
  }
}

function label(endpoint: EndpointSurface): string {
  return endpoint.apiName === null ? `fn_index ${endpoint.fnIndex ?? "?"}` : `/${endpoint.apiName}`;
}

function signature(endpoint: EndpointSurface): string {
  return JSON.stringify([
    endpoint.streaming,
    endpoint.parameters.map((p) => [typeKey(p.type), p.hasDefault]),
    endpoint.returns.map((r) => typeKey(r.type)),
  ]);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? "null";
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
