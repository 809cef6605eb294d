/**
 * The validation feature: a call's arguments against the rules the generator found in the app's
 * `/config` (`ParamSpec.rule`), before any request. Modules pass it per endpoint, only for endpoints
 * with rules, so the others never bundle it.
 */
import { InvalidArgumentError } from "../errors.js";
import type { FilePath, ParamRule, ParamSpec } from "../spec.js";
import type { ValidationFeature } from "../features.js";
import { shortJson } from "../util/short-json.js";
import { refusal, type Refusal } from "./check.js";

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

/** The first file at the parameter's file positions that is larger than the app accepts. */
function fileRefusal(rule: ParamRule, value: unknown, param: ParamSpec): Refusal | null {
  const limit = rule.maxBytes;
  for (const path of limit === undefined ? [] : (param.files ?? [])) {
    for (const leaf of leaves(value, path)) {
      const size = knownSize(leaf);
      if (size !== null && size > (limit as number))
        return {
          allowed: `a file of at most ${limit} bytes (the app's max_file_size)`,
          part: `a file of ${size} bytes`,
        };
    }
  }
  return null;
}

/** Throws INVALID_ARGUMENT for the first argument the app's server would refuse. */
export const validation: ValidationFeature = async (spec, args, label) => {
  for (const [i, param] of spec.params.entries()) {
    const value = args[i];
    const rule = param.rule;
    // An omitted argument sends the server's own default, or fails as missing (session/inputs.ts).
    if (rule === undefined || value === undefined) continue;
    const refused = param.files === undefined ? refusal(rule, value) : fileRefusal(rule, value, param);
    if (refused === null) continue;
    const received =
      param.files !== undefined
        ? String(refused.part)
        : refused.part === undefined
          ? shortJson(value)
          : `${shortJson(refused.part)} (in ${shortJson(value, 40)})`;
    throw new InvalidArgumentError({
      endpoint: label,
      parameter: param.name,
      position: i + 1,
      received,
      allowed: refused.allowed,
      value,
    });
  }
};
