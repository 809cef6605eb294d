/**
 * The files feature: caller values at file positions → FileData (one multipart upload per call,
 * docs/protocol.md §4.2–§4.3), and output FileData → GradioFile whose URL is rebuilt from the
 * app's own base (§4.4, §7 item 19).
 */
import { GradioError } from "../errors.js";
import type { FilesFeature } from "../features.js";
import { httpError, readJson, send } from "../transport/http.js";
import { sendFetchUpload } from "./fetch-upload.js";
import { GradioFile, isFileData } from "./file-data.js";
import { FileSlot, releaseSlots, toFileSlot, uploadSlots } from "./file-input.js";
import { mapAtPaths } from "./walk.js";

/** Universal files support (the Node entry adds local paths through `openFile`). */
export const files: FilesFeature = {
  async inputs(spec, values, ctx) {
    const slots: FileSlot[] = [];
    const failures: unknown[] = [];
    // Every conversion runs to its end, so that when one fails, the streams the others claimed are known and released.
    const withSlots = await Promise.all(
      values.map((value, i) => {
        const paths = spec.params[i]?.files ?? [];
        if (paths.length === 0) return value;
        return mapAtPaths(value, paths, async (leaf) => {
          try {
            const slot = await toFileSlot(leaf, ctx.openFile);
            slots.push(slot);
            return slot;
          } catch (error) {
            failures.push(error);
            return undefined;
          }
        });
      }),
    );
    if (failures.length > 0) {
      releaseSlots(slots);
      throw failures[0];
    }
    await uploadSlots(slots, async (blobs) => {
      // `POST {P}/upload` with every file of the call in one multipart body.
      const url = `${ctx.api}/upload`;
      const post = (): Promise<Response> => {
        if (ctx.sendUpload) return ctx.sendUpload(ctx.http, url, blobs, ctx.signal);
        return sendFetchUpload(ctx.http, url, blobs, ctx.signal);
      };
      const answer = await readJson(await post(), "POST", url);
      if (!Array.isArray(answer) || !answer.every((p): p is string => typeof p === "string")) {
        throw new GradioError(
          "PROTOCOL",
          `POST ${url}: expected a list of server paths, got ${JSON.stringify(answer).slice(0, 120)}`,
        );
      }
      return answer;
    });
    return Promise.all(
      withSlots.map((value, i) => {
        const paths = spec.params[i]?.files ?? [];
        return paths.length === 0
          ? value
          : mapAtPaths(value, paths, (leaf) => (leaf instanceof FileSlot ? leaf.data : leaf));
      }),
    );
  },

  output(value, paths, { api, http, limits }) {
    const download = async (url: string, signal?: AbortSignal): Promise<Response> => {
      const response = await send(http, url, { signal });
      if (!response.ok) throw httpError("GET", url, response.status, await response.text());
      return response;
    };
    return mapAtPaths(value, paths, (leaf) => {
      if (!isFileData(leaf)) return leaf;
      const url = /^https?:\/\//i.test(leaf.path)
        ? leaf.path
        : leaf.is_stream && leaf.url
          ? streamUrl(api, leaf.url)
          : `${api}/file=${leaf.path}`;
      return new GradioFile(leaf, url, download, limits);
    });
  },
};

/**
 * A streaming output's media URL on the app's own API (docs/protocol.md §4.4): the `/stream/…`
 * part of what the server sent, which may be absolute or relative to the app.
 */
function streamUrl(api: string, url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, `${api}/`).pathname;
  } catch (error) {
    throw new GradioError(
      "PROTOCOL",
      `the app sent a streaming file whose url is not a URL: ${JSON.stringify(url.slice(0, 200))}`,
      { cause: error },
    );
  }
  return `${api}${pathname.replace(/^.*?(\/stream\/)/, "$1")}`;
}
