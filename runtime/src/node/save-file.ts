/**
 * Saves a file the app produced into a folder. The name comes from the server (or the caller) and
 * is reduced to one safe path segment, so no name — `../../.bashrc`, `/etc/passwd`, `C:\x`,
 * control characters — can write outside the target folder.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { GradioError } from "../errors.js";
import type { GradioFile } from "../files/file-data.js";

/** One harmless file name: last segment only, no control/reserved characters, never `.`/`..`. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_").replace(/^[.\s]+/, "").trim().slice(0, 200);
  return cleaned === "" ? "file" : cleaned;
}

/** Downloads `file` into `dir` (created if needed) as `name` or the file's own name; returns the path. */
export async function saveFile(file: GradioFile, dir: string, name?: string): Promise<string> {
  const root = resolve(dir);
  const target = join(root, safeFileName(name ?? file.name));
  if (!target.startsWith(root + sep)) throw new GradioError("INVALID_ARGUMENT", `refusing to write ${JSON.stringify(name ?? file.name)} outside ${root}`);
  await mkdir(root, { recursive: true });
  const response = await file.fetch();
  if (!response.ok || !response.body) throw new GradioError("HTTP", `GET ${file.url} failed: HTTP ${response.status}`);
  await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream), createWriteStream(target));
  return target;
}
