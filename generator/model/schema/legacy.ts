/**
 * Gradio 3.x `/info` entries carry a `serializer` name next to a loose schema (fixtures
 * `info/*3.*.json`). Our runtime cannot call 3.x servers; these types only keep generated code
 * compiling and honest about the 3.x wire values (paths, URLs, base64 strings — no FileData).
 */
import type { TypeNode } from "../ir.js";

const STRING: TypeNode = { kind: "string" };

/** What a 3.x serializer implies when the schema says nothing useful, and whether it carries files. */
interface LegacyRule {
  readonly fallback: TypeNode;
  readonly files: boolean;
}

const RULES: Readonly<Record<string, LegacyRule>> = {
  StringSerializable: { fallback: STRING, files: false },
  NumberSerializable: { fallback: { kind: "number" }, files: false },
  BooleanSerializable: { fallback: { kind: "boolean" }, files: false },
  ListStringSerializable: { fallback: { kind: "array", items: STRING }, files: false },
  JSONSerializable: { fallback: { kind: "json" }, files: false },
  SimpleSerializable: { fallback: { kind: "json" }, files: false },
  Serializable: { fallback: { kind: "json" }, files: false },
  ImgSerializable: { fallback: STRING, files: true },
  FileSerializable: { fallback: STRING, files: true },
  SingleFileSerializable: { fallback: STRING, files: true },
  VideoSerializable: { fallback: STRING, files: true },
  GallerySerializable: {
    fallback: {
      kind: "array",
      items: { kind: "tuple", items: [STRING, { kind: "union", members: [STRING, { kind: "null" }] }] },
    },
    files: true,
  },
};

/** Outcome of applying a 3.x serializer to an already converted schema type. */
export interface LegacyOutcome {
  readonly type: TypeNode;
  /** Diagnostic message (info level) to attach, if any. */
  readonly note?: string;
}

/** Refines `converted` (the schema's own type) using the 3.x `serializer` name. */
export function applyLegacySerializer(serializer: string, converted: TypeNode): LegacyOutcome {
  const rule = Object.hasOwn(RULES, serializer) ? RULES[serializer] : undefined;
  if (rule === undefined) {
    return {
      type: converted,
      note: `unknown Gradio 3.x serializer ${JSON.stringify(serializer)}; typed from its schema`,
    };
  }
  const vague = converted.kind === "json" || converted.kind === "unknown";
  const type = vague && rule.fallback.kind !== "json" ? rule.fallback : converted;
  if (!rule.files) return { type };
  return {
    type,
    note: `Gradio 3.x ${serializer}: files are plain 3.x wire values (path, URL or base64 string), not FileData; no uploads`,
  };
}
