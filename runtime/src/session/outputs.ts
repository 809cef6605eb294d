/**
 * Maps wire outputs back to public results: drops State/layout slots, unwraps update dicts
 * (gradio-protocol.md §2.5) and turns FileData at the generator-listed positions into GradioFile
 * objects whose URL is rebuilt from the app's own base (§4.4, §7 item 19).
 */
import { GradioFile, isFileData, type Downloader } from "../files/file-data.js";
import { mapAtPaths } from "../files/walk.js";
import type { EndpointSpec } from "../spec.js";
import { nameResults } from "./named-results.js";

/** Public results in order. */
export async function publicOutputs(spec: EndpointSpec, wire: readonly unknown[], api: string, download: Downloader): Promise<unknown[]> {
  const results: unknown[] = new Array<unknown>(spec.returns.length).fill(null);
  for (const [position, slot] of spec.outputs.entries()) {
    if (typeof slot !== "number") continue;
    const files = spec.returns[slot]?.files ?? [];
    const value = unwrapUpdate(wire[position] ?? null);
    results[slot] = files.length === 0 ? value : await mapAtPaths(value, files, (leaf) => toGradioFile(leaf, api, download));
  }
  return nameResults(results, spec.returns);
}

function unwrapUpdate(value: unknown): unknown {
  if (typeof value === "object" && value !== null && (value as Record<string, unknown>)["__type__"] === "update") {
    return "value" in value ? (value as Record<string, unknown>)["value"] : null;
  }
  return value;
}

function toGradioFile(leaf: unknown, api: string, download: Downloader): unknown {
  if (!isFileData(leaf)) return leaf;
  const url = /^https?:\/\//i.test(leaf.path)
    ? leaf.path
    : leaf.is_stream && leaf.url
      ? `${api}${new URL(leaf.url).pathname.replace(/^.*?(\/stream\/)/, "$1")}`
      : `${api}/file=${leaf.path}`;
  return new GradioFile(leaf, url, download);
}
