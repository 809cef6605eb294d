/**
 * Where the real Gradio schemas collected outside this repository live: `../shared/fixtures`
 * next to the repository root, or `$GRADIO_CODEGEN_FIXTURES`. Locally a missing folder skips the
 * tests that read it, with the reason in the test's name; with `CI=true` it is a failure, so CI
 * never passes having checked nothing.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "./paths.js";

export const SHARED_FIXTURES = process.env["GRADIO_CODEGEN_FIXTURES"] || resolve(REPO_ROOT, "..", "shared", "fixtures");

/** The fixtures folder, or null (locally) when it is missing; throws in CI. */
export function sharedFixtures(): string | null {
  if (existsSync(SHARED_FIXTURES)) return SHARED_FIXTURES;
  if (process.env["CI"] === "true" || process.env["CI"] === "1") {
    throw new Error(
      `the shared schema fixtures are missing at ${SHARED_FIXTURES} (CI=true makes that a failure): check them out next to the repository, or set GRADIO_CODEGEN_FIXTURES`,
    );
  }
  return null;
}

/** Suffix for a describe title: why its tests are skipped, when they are. */
export function skipNote(found: string | null): string {
  return found === null
    ? ` (skipped: no fixtures at ${SHARED_FIXTURES}; set GRADIO_CODEGEN_FIXTURES or check them out there)`
    : "";
}
