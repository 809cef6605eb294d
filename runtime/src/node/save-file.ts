/**
 * Saves a file the app produced into a folder. The name comes from the server (or the caller) and
 * is reduced to one safe path segment, so no name — `../../.bashrc`, `/etc/passwd`, `C:\x`,
 * control characters — can write outside the target folder.
 *
 * The bytes go to a hidden temporary file first, which takes the final name only once the download
 * is complete: a download that breaks leaves no partial file. No output is lost: when the name is
 * taken (an earlier file, or another output of the same call with the same name) the file is saved
 * as `report (1).txt`, `report (2).txt`, … unless `overwrite: true`.
 */
import { constants, createWriteStream } from "node:fs";
import { copyFile, link, mkdir, rename, unlink } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GradioError } from "../errors.js";
import type { DownloadOptions } from "../files/download.js";
import type { GradioFile } from "../files/file-data.js";

export interface SaveFileOptions extends DownloadOptions {
  /** File name to use instead of the file's own (reduced to one safe segment as well). */
  readonly name?: string | undefined;
  /** Replace a file of the same name. Default false: a free name `name (1).ext`, `name (2).ext`, … is chosen. */
  readonly overwrite?: boolean | undefined;
}

/** How many numbered names are tried before giving up. */
const MAX_SUFFIX = 10_000;

/** One harmless file name: last segment only, no control/reserved characters, never `.`/`..`. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200);
  return cleaned === "" ? "file" : cleaned;
}

/**
 * Downloads `file` into `dir` (created if needed) under its own name, or `name`; returns the path
 * written. The third argument is a name or {@link SaveFileOptions} (`signal`, `timeout`,
 * `maxBytes`, `overwrite`). Failures are GradioErrors: NETWORK (broke off), TIMEOUT, ABORTED,
 * LIMIT_EXCEEDED, HTTP; the folder is left as it was.
 */
export async function saveFile(
  file: GradioFile,
  dir: string,
  nameOrOptions?: string | SaveFileOptions,
): Promise<string> {
  const options: SaveFileOptions = typeof nameOrOptions === "string" ? { name: nameOrOptions } : (nameOrOptions ?? {});
  const root = resolve(dir);
  const wanted = options.name ?? file.name;
  const safe = safeFileName(wanted);
  if (!join(root, safe).startsWith(root + sep))
    throw new GradioError("INVALID_ARGUMENT", `refusing to write ${JSON.stringify(wanted)} outside ${root}`);
  await mkdir(root, { recursive: true });
  const temp = join(root, `.${safe.slice(0, 180)}.${randomSuffix()}.part`);
  try {
    await pipeline(Readable.from(file.chunks(options)), createWriteStream(temp, { flags: "wx" }));
    return await claim(temp, root, safe, options.overwrite === true);
  } catch (error) {
    await unlink(temp).catch(() => {});
    if (error instanceof GradioError) throw error;
    throw new GradioError(
      "NETWORK",
      `saving ${file.url} to ${root} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Gives the complete temporary file its final name: `safe`, or the first free numbered variant. */
async function claim(temp: string, root: string, safe: string, overwrite: boolean): Promise<string> {
  if (overwrite) {
    await rename(temp, join(root, safe));
    return join(root, safe);
  }
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  for (let n = 0; n < MAX_SUFFIX; n++) {
    const target = join(root, n === 0 ? safe : `${stem} (${n})${ext}`);
    try {
      // link() (or an exclusive copy where hard links are not supported) fails when the name
      // exists, so two saves never pick the same name.
      await link(temp, target).catch((error: unknown) => {
        if (code(error) === "EEXIST") throw error;
        return copyFile(temp, target, constants.COPYFILE_EXCL);
      });
      await unlink(temp);
      return target;
    } catch (error) {
      if (code(error) === "EEXIST") continue;
      throw error;
    }
  }
  throw new GradioError(
    "INVALID_ARGUMENT",
    `no free name for ${JSON.stringify(safe)} in ${root} after ${MAX_SUFFIX} tries`,
  );
}

const code = (error: unknown) => (error instanceof Error && "code" in error ? error.code : undefined);
const randomSuffix = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, "0")).join("");
