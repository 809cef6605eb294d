/**
 * Rows of the differential test and the table printed at its end (one per Gradio line), plus
 * the normalisation of TypeScript results (the same as py_client.py's for Python's).
 */
import { createHash } from "node:crypto";
import { GradioFile, GradioUpdate } from "@gradio-codegen/runtime";
import type { SignatureDiff } from "./signatures.js";

export interface Row {
  app: string;
  endpoints: number;
  calls: number;
  identical: number;
  differing: string[];
  excluded: string[];
  tsFailures: string[];
  typeContradictions: string[];
  /** Calls made through the module generated from the saved /config that match Python. */
  configIdentical: number;
  configDiffs: SignatureDiff[];
  infoDiffs: SignatureDiff[];
}

/** A file → `{sha256}` of its bytes; an update → its wire dict; tuples → plain arrays. */
export async function normalise(value: unknown): Promise<unknown> {
  if (value instanceof GradioFile)
    return {
      sha256: createHash("sha256")
        .update(await value.bytes())
        .digest("hex"),
    };
  if (value instanceof GradioUpdate) return normalise(value.toJSON());
  if (Array.isArray(value)) return Promise.all(value.map(normalise));
  if (typeof value === "object" && value !== null) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await normalise(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** Signature differences of one kind list: `3 (name ×2, none-default)`. */
function diffCell(diffs: readonly SignatureDiff[]): string {
  if (diffs.length === 0) return "0";
  const kinds = new Map<string, number>();
  for (const d of diffs) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
  return `${diffs.length} (${[...kinds].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ")})`;
}

export function table(version: string, rows: readonly Row[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
  const all = (f: (r: Row) => readonly SignatureDiff[]) => rows.flatMap(f);
  const head = [
    "app",
    "endpoints",
    "calls",
    "identical",
    "differing",
    "excluded (nondeterministic)",
    "TS fails where Python succeeds",
    "type contradictions",
    "/config module: identical",
    "/config signature differences",
    "/info signature differences",
  ];
  const body = rows.map((r) =>
    line([
      r.app,
      r.endpoints,
      r.calls,
      r.identical,
      r.differing.join("; ") || 0,
      r.excluded.join("; ") || 0,
      r.tsFailures.length,
      r.typeContradictions.length,
      r.configIdentical,
      diffCell(r.configDiffs),
      diffCell(r.infoDiffs),
    ]),
  );
  const total = line([
    "total",
    sum((r) => r.endpoints),
    sum((r) => r.calls),
    sum((r) => r.identical),
    sum((r) => r.differing.length),
    sum((r) => r.excluded.length),
    sum((r) => r.tsFailures.length),
    sum((r) => r.typeContradictions.length),
    sum((r) => r.configIdentical),
    diffCell(all((r) => r.configDiffs)),
    diffCell(all((r) => r.infoDiffs)),
  ]);
  const details = rows.flatMap((r) => [...r.configDiffs, ...r.infoDiffs].map((d) => `- ${r.app} ${d.kind}: ${d.text}`));
  return [
    `Differential test (Gradio ${version}):`,
    line(head),
    line(head.map(() => "---")),
    ...body,
    total,
    ...details,
  ].join("\n");
}
