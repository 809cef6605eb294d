/**
 * `--check`: regenerate in memory, compare with the committed module and its lock, write nothing.
 * Exit codes (documented in the README): 0 up to date, 3 only compatible changes, 4 breaking
 * changes; failures to load the app or the lock are errors (1), never mistaken for a change.
 */
import { readFile } from "node:fs/promises";
import type { GenerateResult } from "../generate.js";
import { diffSurfaces, type ApiChange } from "./diff.js";
import { lockPath, readLock } from "./lock.js";
import { sameCode } from "./same-code.js";
import { apiSurface } from "./surface.js";

export const CHECK_EXIT = { upToDate: 0, compatible: 3, breaking: 4 } as const;

export interface CheckOutcome {
  readonly module: string;
  readonly changes: readonly ApiChange[];
  /** The module's code differs from what the generator now writes, beyond formatting. */
  readonly codeDiffers: boolean;
  readonly exitCode: number;
}

/** Compares a fresh generation with the module at `modulePath` and its lock. */
export async function checkModule(result: GenerateResult, modulePath: string): Promise<CheckOutcome> {
  const lock = await readLock(lockPath(modulePath));
  const changes = diffSurfaces(lock.surface, apiSurface(result.model));
  const committed = await readFile(modulePath, "utf8").catch(() => null);
  const codeDiffers = committed === null || !sameCode(committed, result.text);
  const breaking = changes.some((c) => c.severity === "breaking");
  const exitCode = breaking
    ? CHECK_EXIT.breaking
    : changes.length > 0 || codeDiffers
      ? CHECK_EXIT.compatible
      : CHECK_EXIT.upToDate;
  return { module: modulePath, changes, codeDiffers, exitCode };
}

/**
 * Human-readable report of one check. `regenerate` is the command that brings the module up to
 * date (never with credentials); by default the one-app command for `source`.
 */
export function formatCheck(
  outcome: CheckOutcome,
  source: string,
  regenerate = `gradio-codegen ${source} -o ${outcome.module}`,
): string {
  if (outcome.exitCode === CHECK_EXIT.upToDate) return `${outcome.module}: up to date with ${source}\n`;
  const lines = [`${outcome.module}: out of date with ${source}`];
  const width = Math.max(0, ...outcome.changes.map((c) => c.endpoint.length));
  for (const change of [...outcome.changes].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "breaking" ? -1 : 1,
  )) {
    lines.push(
      `  ${change.severity === "breaking" ? "BREAKING  " : "compatible"}  ${change.endpoint.padEnd(width)}  ${change.message}`,
    );
  }
  if (outcome.changes.length === 0 && outcome.codeDiffers)
    lines.push(
      "  compatible  the API is unchanged, but the module's code differs from what this gradio-codegen writes (edited by hand, or another generator version)",
    );
  const breaking = outcome.changes.filter((c) => c.severity === "breaking").length;
  const count = outcome.changes.length;
  lines.push(`${count} API change${count === 1 ? "" : "s"}, ${breaking} breaking. Regenerate with: ${regenerate}`);
  return `${lines.join("\n")}\n`;
}
