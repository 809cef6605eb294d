/** `inspect --format markdown`: an API reference page to commit next to the module. */
import type { InspectDocument, InspectEndpoint } from "./inspect-surface.js";
import { plain, preview } from "./plain.js";

/** Renders the document as a Markdown page. */
export function renderMarkdown(doc: InspectDocument, moduleName: string): string {
  const out: string[] = [];
  out.push(`# API of ${code(doc.source)}`, "");
  const version = doc.gradioVersion ? `Gradio ${cell(doc.gradioVersion)}` : "Gradio (version unknown)";
  out.push(
    `${version} · ${doc.endpoints.length} endpoint(s) · schema ${code(doc.schemaHash)} · written by \`gradio-codegen inspect\` ${cell(doc.generatorVersion)}.`,
    "",
  );
  if (doc.hiddenEndpoints > 0)
    out.push(`${doc.hiddenEndpoints} unnamed or undocumented endpoint(s) are not listed (\`--all-endpoints\`).`, "");
  const names = doc.endpoints.map((e) => e.functionName);
  out.push(
    "```ts",
    `import { ${[...(names.length > 0 ? names : []), "connect", ...(doc.spaceId ? ["duplicate"] : [])].join(", ")} } from "./${moduleName}.js";`,
    "```",
    "",
  );
  for (const endpoint of doc.endpoints) out.push(...endpointMarkdown(endpoint));
  if (doc.types.length > 0) {
    out.push("## Types", "", "```ts");
    for (const t of doc.types) out.push(`type ${t.name} = ${plain(t.type)};`);
    out.push("```", "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function endpointMarkdown(endpoint: InspectEndpoint): string[] {
  const out = [`## ${code(endpoint.functionName)}`, "", "```ts", plain(endpoint.signature), "```", ""];
  const where =
    endpoint.apiName === null
      ? `Unnamed endpoint (fn_index ${endpoint.fnIndex ?? "?"})`
      : `Endpoint ${code(`/${endpoint.apiName}`)}`;
  out.push(
    `${where}${endpoint.streaming ? "; **streams** partial results: `for await (const partial of stream)`, then `await stream.result`" : ""}.`,
    "",
  );
  if (endpoint.description) out.push(cell(endpoint.description), "");
  if (endpoint.parameters.length > 0) {
    out.push("| Parameter | Type | Component | Default | Details |", "| --- | --- | --- | --- | --- |");
    for (const p of endpoint.parameters) {
      const details = [
        ...(p.choices
          ? [
              `choices: ${p.choices.map((c) => code(preview(c, 40))).join(", ")}${p.customValues ? " (or any other value)" : ""}`,
            ]
          : []),
        ...(p.range
          ? [
              `range: ${p.range.minimum ?? "…"} to ${p.range.maximum ?? "…"}${p.range.step === undefined ? "" : `, step ${p.range.step}`}`,
            ]
          : []),
        ...(p.description ? [cell(p.description)] : []),
      ];
      out.push(
        `| ${code(p.name + (p.optional ? "?" : ""))} | ${code(plain(p.tsType))} | ${cell(p.component)} (${cell(p.label)}) | ${p.hasDefault ? code(preview(p.default)) : "required"} | ${details.join("<br>")} |`,
      );
    }
    out.push("");
  }
  if (endpoint.returns.length > 0) {
    out.push(
      endpoint.returns.length === 1 ? "Returns:" : "Returns a tuple, also readable by name:",
      "",
      "| Result | Type | Component |",
      "| --- | --- | --- |",
    );
    for (const r of endpoint.returns)
      out.push(
        `| ${code(r.name)} | ${code(plain(r.tsType))} | ${cell(r.component)} (${cell(r.label)})${r.description ? `: ${cell(r.description)}` : ""} |`,
      );
    out.push("");
  }
  return out;
}

/** Table-cell text: one line, no pipes or HTML. */
function cell(text: string): string {
  return plain(text)
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/`/g, "'");
}

/** Inline code that survives backticks and pipes in the text. */
function code(text: string): string {
  const body = plain(text).replace(/\|/g, "\\|");
  const fence = body.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? ` ${body} ` : body}${fence}`;
}
