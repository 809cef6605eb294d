/**
 * JSDoc text of generated declarations, from labels, descriptions, components, defaults, examples
 * and ranges. Every line passes through the escaping module.
 */
import type { EndpointModel, ParameterModel, ReturnModel } from "../model/ir.js";
import { docLines, docText } from "./escape.js";

const WIDTH = 96;
const MAX_DEFAULT_CHARS = 120;

/** Lines (without ` * `) documenting one endpoint function. */
export function endpointDoc(endpoint: EndpointModel): string[] {
  const lines: string[] = [];
  if (endpoint.description) lines.push(...docLines(endpoint.description, WIDTH), "");
  const where = endpoint.apiName === null ? `Unnamed endpoint (fn_index ${endpoint.fnIndex ?? "?"})` : `Endpoint \`/${docText(endpoint.apiName)}\``;
  lines.push(`${where}${endpoint.streaming ? "; streams partial results" : ""}.`);
  for (const param of endpoint.parameters) lines.push(...tagged(`@param ${param.name} -`, parameterText(param)));
  // The call options are documented once, on CallOptions; only an OAuth token is endpoint-specific.
  if (endpoint.oauthToken) lines.push(`@param options - Needs the user's Hugging Face \`oauthToken\` (${endpoint.oauthToken}).`);
  const returns = endpoint.returns.map(returnText);
  if (returns.length === 1) lines.push(...tagged("@returns", returns[0] as string));
  else if (returns.length > 1) lines.push(...tagged("@returns", `A tuple: ${returns.map((r, i) => `[${i}] ${r}`).join("; ")}`));
  return lines;
}

function parameterText(param: ParameterModel): string {
  const parts = [`${param.label} (${param.component}).`];
  if (param.description) parts.push(param.description);
  const range = param.range;
  if (range) {
    const bounds = [range.minimum !== undefined ? `min ${range.minimum}` : "", range.maximum !== undefined ? `max ${range.maximum}` : "", range.step !== undefined ? `step ${range.step}` : ""].filter(Boolean);
    if (bounds.length > 0) parts.push(`Range: ${bounds.join(", ")}.`);
  }
  if (param.hasDefault) parts.push(`Default: ${preview(param.default)}.`);
  else if (param.example !== undefined && param.example !== null && param.filePaths.length === 0) parts.push(`Example: ${preview(param.example)}.`);
  return parts.join(" ");
}

function returnText(ret: ReturnModel): string {
  return `${ret.label} (${ret.component})${ret.description ? `: ${ret.description}` : ""}`;
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? "null";
  const short = json.length > MAX_DEFAULT_CHARS ? `${json.slice(0, MAX_DEFAULT_CHARS)}…` : json;
  return `\`${short.replace(/`/g, "'")}\``;
}

function tagged(tag: string, text: string): string[] {
  const [first = "", ...rest] = docLines(text, WIDTH - tag.length);
  return [`${tag} ${first}`.trimEnd(), ...rest.map((line) => `  ${line}`)];
}
