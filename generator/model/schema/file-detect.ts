/** Recognizing Gradio FileData / ImageData schemas (docs/protocol.md §2.2). */
import { isRecord, own } from "./json.js";
import { peekResolved, type Scope } from "./walk.js";
import type { JsonRecord } from "./json.js";

const FILE_DATA = "gradio.FileData";
/** Pre-4.21 servers emit FileData without `meta`; ImageData has all-optional props. */
const FILE_TITLES: ReadonlySet<string> = new Set(["FileData", "ImageData"]);

function metaMarksFile(meta: unknown): boolean {
  if (!isRecord(meta)) return false;
  const props = own(meta, "properties");
  if (isRecord(props)) {
    const type = own(props, "_type");
    if (isRecord(type) && own(type, "const") === FILE_DATA) return true;
  }
  const fallback = own(meta, "default");
  return isRecord(fallback) && own(fallback, "_type") === FILE_DATA;
}

/**
 * True when `schema` describes a FileData on the wire: `properties.path` plus a `meta` whose
 * `_type` is `gradio.FileData` (by `const` or `default`), or a `FileData`/`ImageData` title.
 */
export function isFileSchema(schema: JsonRecord, scopes: readonly Scope[]): boolean {
  const props = own(schema, "properties");
  if (!isRecord(props) || !Object.hasOwn(props, "path")) return false;
  if (Object.hasOwn(props, "meta") && metaMarksFile(peekResolved(props["meta"], scopes))) return true;
  const title = own(schema, "title");
  return typeof title === "string" && FILE_TITLES.has(title);
}
