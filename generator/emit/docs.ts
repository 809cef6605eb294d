/**
 * JSDoc text of generated declarations, from labels, descriptions, components, defaults, examples
 * and ranges. Every line passes through the escaping module.
 */
import type { EndpointModel, ParameterModel, ReturnModel } from "../model/ir.js";
import { docLines, docText } from "./escape.js";

const WIDTH = 96;
const MAX_DEFAULT_CHARS = 120;
/** Nesting shown in a default/example preview; deeper levels print as `…`. */
const MAX_PREVIEW_DEPTH = 8;

/** Lines (without ` * `) documenting one endpoint function. */
export function endpointDoc(endpoint: EndpointModel): string[] {
  const lines: string[] = [];
  // Appended in loops: spreading a 100,000-line description into push() overflows the stack.
  if (endpoint.description) append(lines, [...docLines(endpoint.description, WIDTH), ""]);
  const where =
    endpoint.apiName === null
      ? `Unnamed endpoint (fn_index ${endpoint.fnIndex ?? "?"})`
      : `Endpoint \`/${docText(endpoint.apiName)}\``;
  lines.push(`${where}${endpoint.streaming ? "; streams partial results" : ""}.`);
  for (const param of endpoint.parameters) append(lines, tagged(`@param ${param.name} -`, parameterText(param)));
  // The call options are documented once, on CallOptions; only an OAuth token is endpoint-specific.
  if (endpoint.oauthToken)
    lines.push(`@param options - Needs the user's Hugging Face \`oauthToken\` (${endpoint.oauthToken}).`);
  const returns = endpoint.returns.map(returnText);
  if (returns.length === 1) append(lines, tagged("@returns", returns[0] as string));
  else if (returns.length > 1)
    append(lines, tagged("@returns", `A tuple: ${returns.map((r, i) => `[${i}] ${r}`).join("; ")}`));
  return lines;
}

function parameterText(param: ParameterModel): string {
  const parts = [`${param.label} (${param.component}).`];
  const description = parameterDescription(param);
  if (description) parts.push(description);
  const range = param.range;
  if (range) {
    const bounds = [
      range.minimum !== undefined ? `min ${range.minimum}` : "",
      range.maximum !== undefined ? `max ${range.maximum}` : "",
      range.step !== undefined ? `step ${range.step}` : "",
    ].filter(Boolean);
    if (bounds.length > 0) parts.push(`Range: ${bounds.join(", ")}.`);
  }
  if (param.hasDefault) parts.push(`Default: ${preview(param.default)}.`);
  else if (param.example !== undefined && param.example !== null && param.filePaths.length === 0)
    parts.push(`Example: ${preview(param.example)}.`);
  return parts.join(" ");
}

/** What a caller passes for a file, for every parameter that holds one. */
const FILE_INPUT =
  "a local path (Node), an http(s) URL, a Blob/File, bytes, a GradioFile from an earlier result, or a stream (see the README).";

/**
 * The description a parameter's JSDoc shows. A parameter holding files carries the server's
 * data-model docstring (FileData's "The FileData class is a subclass of the GradioModel class…",
 * ImageData's, docs/protocol.md §2.2), which describes Python internals: it is replaced by what a
 * caller passes.
 */
function parameterDescription(param: ParameterModel): string | undefined {
  const paths = param.filePaths;
  if (paths.length === 0) return param.description;
  if (paths.some((path) => path.length === 0)) return `A file: ${FILE_INPUT}`;
  if (paths.some((path) => path.length === 1 && path[0] === "*")) return `Files, each ${FILE_INPUT}`;
  return `Its files: each ${FILE_INPUT}`;
}

function returnText(ret: ReturnModel): string {
  return `${ret.label} (${ret.component})${ret.description ? `: ${ret.description}` : ""}`;
}

/**
 * Compact JSON of a default or example, cut at `MAX_DEFAULT_CHARS` characters and at
 * `MAX_PREVIEW_DEPTH` levels of nesting (deeper values show as `…`); it stops writing once the
 * budget is spent, so a huge or deep value costs no more than a short one.
 */
function preview(value: unknown): string {
  const out: string[] = [];
  const budget = { left: MAX_DEFAULT_CHARS + 1 };
  writePreview(value, 0, out, budget);
  const json = out.join("");
  const short = json.length > MAX_DEFAULT_CHARS ? `${json.slice(0, MAX_DEFAULT_CHARS)}…` : json;
  return `\`${short.replace(/`/g, "'")}\``;
}

function writePreview(value: unknown, depth: number, out: string[], budget: { left: number }): void {
  const put = (text: string) => {
    out.push(text.length > budget.left ? text.slice(0, Math.max(budget.left, 0)) : text);
    budget.left -= text.length;
  };
  if (typeof value !== "object" || value === null) {
    put(JSON.stringify(value) ?? "null");
    return;
  }
  if (depth >= MAX_PREVIEW_DEPTH) {
    put("…");
    return;
  }
  const entries: [string | null, unknown][] = Array.isArray(value)
    ? value.map((v: unknown) => [null, v])
    : Object.entries(value);
  put(Array.isArray(value) ? "[" : "{");
  for (const [i, [key, item]] of entries.entries()) {
    if (budget.left <= 0) return;
    if (i > 0) put(",");
    if (key !== null) put(`${JSON.stringify(key)}:`);
    writePreview(item, depth + 1, out, budget);
  }
  put(Array.isArray(value) ? "]" : "}");
}

function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function tagged(tag: string, text: string): string[] {
  const [first = "", ...rest] = docLines(text, WIDTH - tag.length);
  return [`${tag} ${first}`.trimEnd(), ...rest.map((line) => `  ${line}`)];
}
