/** Well-known paths of the repository, for tests. */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
export const CLI = join(REPO_ROOT, "dist", "generator", "cli", "main.js");
export const EXAMPLES_DIR = join(REPO_ROOT, "generated-examples");
export const WAV_FIXTURE = join(REPO_ROOT, "test", "fixtures", "tone-16k-1500ms.wav");

/** A fresh scratch folder under test/.work (git-ignored; inside the repo so imports of the runtime resolve). */
export function workDir(name: string): string {
  const dir = join(REPO_ROOT, "test", ".work", `${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
