/**
 * The validation feature with file rules: each file at a parameter's file positions against the
 * app's `max_file_size` (when its size is known before the upload) and `file_types`.
 */
import type { FilePath, ParamRule, ParamSpec } from "../spec.js";
import type { ValidationFeature } from "../features.js";
import type { Refusal } from "./check.js";
import { createValidation } from "./feature.js";
import { uploadName, wrongExtension } from "./file-name.js";

/** Bytes of a file input whose size is known before the upload (Blob, File, bytes); null otherwise. */
function knownSize(input: unknown): number | null {
  if (typeof Blob !== "undefined" && input instanceof Blob) return input.size;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return input.byteLength;
  return null;
}

/**
 * The values at `path` inside `node` (keys, indices, `"*"` for every element): a read-only,
 * synchronous cousin of files/walk.ts's `mapAtPaths` (which copies and awaits, and which modules
 * whose validated endpoints have no files would otherwise bundle for nothing).
 */
function leaves(node: unknown, path: FilePath, depth = 0): unknown[] {
  if (depth === path.length) return [node];
  if (typeof node !== "object" || node === null) return [];
  const key = path[depth] as string | number;
  const record = node as Record<string | number, unknown>;
  const next = key === "*" ? Object.values(record) : Object.hasOwn(record, key) ? [record[key]] : [];
  return next.flatMap((child) => leaves(child, path, depth + 1));
}

/** The first file at the parameter's file positions that the app refuses: too large, or of a type it does not take. */
function fileRefusal(rule: ParamRule, value: unknown, param: ParamSpec): Refusal | null {
  const { maxBytes, extensions } = rule;
  for (const path of param.files ?? []) {
    for (const leaf of leaves(value, path)) {
      const size = maxBytes === undefined ? null : knownSize(leaf);
      if (size !== null && size > (maxBytes as number))
        return {
          allowed: `a file of at most ${maxBytes} bytes (the app's max_file_size)`,
          part: `a file of ${size} bytes`,
        };
      const name = extensions === undefined ? null : uploadName(leaf);
      if (name !== null && wrongExtension(name, extensions as readonly string[]))
        return {
          allowed: `a file named *${(extensions as readonly string[]).join(", *")} (the app's file_types)`,
          part: `a file named ${JSON.stringify(name)}`,
        };
    }
  }
  return null;
}

/** {@link validation} plus the file rules. */
export const fileValidation: ValidationFeature = /* @__PURE__ */ createValidation(fileRefusal);
