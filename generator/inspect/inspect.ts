/**
 * `inspect`: load a source exactly as the generator does, build the same model, and describe it.
 * Nothing is formatted or type-checked and nothing is written.
 */
import { loadSchema, type RawSchema } from "../load/index.js";
import type { FetchAppOptions } from "../load/index.js";
import { buildModel } from "../model/build-model.js";
import { inspectDocument, type InspectDocument } from "./inspect-surface.js";

export type InspectFormat = "text" | "markdown" | "json";

/** The inspect document of an already loaded schema. */
export function inspectSchema(
  raw: RawSchema,
  options: { allEndpoints?: boolean; login?: boolean } = {},
): InspectDocument {
  const allEndpoints = options.allEndpoints ?? false;
  const model = buildModel(raw, { allEndpoints, login: options.login ?? false });
  const hidden = allEndpoints ? 0 : buildModel(raw, { allEndpoints: true }).endpoints.length - model.endpoints.length;
  return inspectDocument(model, Math.max(0, hidden));
}

/** Loads `source` (Space id, URL, snapshot, bare /info or /config) and describes it. */
export async function inspectSource(
  source: string,
  options: FetchAppOptions & { allEndpoints?: boolean } = {},
): Promise<InspectDocument> {
  return inspectSchema(await loadSchema(source, options), { allEndpoints: options.allEndpoints ?? false });
}

/** The document in one format; JSON is stable (fixed key order, 2-space indent). */
export async function renderInspect(
  doc: InspectDocument,
  format: InspectFormat,
  options: { width?: number; moduleName?: string } = {},
): Promise<string> {
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  if (format === "markdown") return (await import("./markdown.js")).renderMarkdown(doc, options.moduleName ?? "client");
  return (await import("./text.js")).renderText(doc, options.width ?? 100);
}
