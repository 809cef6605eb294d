/** `inspect --format text`: for a terminal, wrapped to its width. */
import type { InspectDocument, InspectEndpoint, InspectParameter } from "./inspect-surface.js";
import { plain, preview, wrap } from "./plain.js";

/** Renders the document as text lines of at most `width` characters (signatures excepted: they are code). */
export function renderText(doc: InspectDocument, width: number): string {
  const out: string[] = [];
  const version = doc.gradioVersion ? `Gradio ${plain(doc.gradioVersion)}` : "Gradio (version unknown)";
  out.push(`${plain(doc.source)} — ${version}, ${doc.endpoints.length} endpoint(s)`);
  if (doc.hiddenEndpoints > 0)
    out.push(`(${doc.hiddenEndpoints} unnamed or undocumented endpoint(s) not shown: --all-endpoints shows them)`);
  if (doc.spaceId) out.push(`A Space: the module also has duplicate() (a copy in your account).`);
  for (const endpoint of doc.endpoints) out.push("", ...endpointText(endpoint, width));
  if (doc.types.length > 0) {
    out.push("", "Types");
    for (const t of doc.types) {
      const one = `  type ${t.name} = ${plain(t.type)}`;
      out.push(...(one.length <= width ? [one] : [`  type ${t.name} =`, ...hang("      ", plain(t.type), width)]));
    }
  }
  return `${out.join("\n")}\n`;
}

function endpointText(endpoint: InspectEndpoint, width: number): string[] {
  const out = [plain(endpoint.signature)];
  const where =
    endpoint.apiName === null ? `unnamed endpoint, fn_index ${endpoint.fnIndex ?? "?"}` : `/${plain(endpoint.apiName)}`;
  out.push(
    ...hang("  ", `${where}${endpoint.streaming ? " · streams partial results (iterate the JobStream)" : ""}`, width),
  );
  if (endpoint.description) out.push(...hang("  ", endpoint.description, width));
  if (endpoint.parameters.length > 0) out.push("  Parameters");
  for (const p of endpoint.parameters) out.push(...parameterText(p, width));
  if (endpoint.returns.length > 0)
    out.push(endpoint.returns.length === 1 ? "  Returns" : "  Returns (a tuple, also readable by name)");
  for (const r of endpoint.returns) {
    out.push(...hang("    ", `${r.name}: ${plain(r.tsType)} — ${plain(r.component)} "${plain(r.label)}"`, width));
    if (r.description) out.push(...hang("        ", r.description, width));
  }
  return out;
}

function parameterText(p: InspectParameter, width: number): string[] {
  const head = `${p.name}${p.optional ? "?" : ""}: ${plain(p.tsType)} — ${plain(p.component)} "${plain(p.label)}"`;
  const facts: string[] = [];
  if (p.hasDefault) facts.push(`default ${preview(p.default)}`);
  if (p.choices)
    facts.push(
      `choices ${p.choices.map((c) => preview(c, 40)).join(", ")}${p.customValues ? " (or any other value)" : ""}`,
    );
  if (p.range) {
    const { minimum, maximum, step } = p.range;
    facts.push(`range ${minimum ?? "…"} to ${maximum ?? "…"}${step === undefined ? "" : `, step ${step}`}`);
  }
  const out = hang("    ", head, width);
  if (facts.length > 0) out.push(...hang("        ", facts.join("; "), width));
  if (p.description) out.push(...hang("        ", p.description, width));
  return out;
}

/** `prefix` + text wrapped, continuation lines indented like the prefix. */
function hang(prefix: string, text: string, width: number): string[] {
  const indent = " ".repeat(prefix.length);
  const lines = wrap(text, Math.max(20, width - prefix.length));
  return lines.length === 0 ? [prefix.trimEnd()] : lines.map((line, i) => `${i === 0 ? prefix : indent}${line}`);
}
