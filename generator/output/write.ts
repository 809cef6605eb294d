/** Writes output atomically (temp file + rename), so a failure never leaves a partial file. */
import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile, mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CodegenError } from "../errors.js";

/** Writes `text` to `path` unless it already holds exactly that; returns whether it changed. */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const current = await readFile(path, "utf8").catch(() => null);
  if (current === text) return false;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, path);
    return true;
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new CodegenError("WRITE", `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
