/**
 * Builds the wire `data` array of a call: fills defaults, checks required arguments, uploads files
 * found at the generator-listed positions (one upload request per call), and inserts `null` for
 * State and layout slots (gradio-protocol.md §7 item 2).
 */
import { GradioError } from "../errors.js";
import { FileSlot, multipartBody, toFileSlot, uploadSlots, type NamedBlob, type OpenFile } from "../files/file-input.js";
import { mapAtPaths } from "../files/walk.js";
import type { EndpointSpec } from "../spec.js";
import { readJson, send, type HttpContext } from "../transport/http.js";

/** Platform hook: sends `POST url` with `files` as one multipart body (the Node entry streams files with node:http). */
export type UploadSender = (http: HttpContext, url: string, files: readonly NamedBlob[], signal: AbortSignal | undefined) => Promise<Response>;

export interface InputContext {
  readonly http: HttpContext;
  readonly api: string;
  readonly openFile: OpenFile | undefined;
  readonly signal: AbortSignal | undefined;
  readonly sendUpload?: UploadSender | undefined;
}

/** The `data` array to send on join, in wire order. */
export async function wireData(spec: EndpointSpec, args: readonly unknown[], ctx: InputContext, label: string): Promise<unknown[]> {
  if (args.length > spec.params.length) {
    throw new GradioError("INVALID_ARGUMENT", `${label} takes ${spec.params.length} argument(s), got ${args.length}`);
  }
  const values = spec.params.map((param, i) => {
    const value = args[i];
    if (value !== undefined) return value;
    if (param.default !== undefined) return structuredClone(param.default);
    throw new GradioError("INVALID_ARGUMENT", `${label}: missing required argument "${param.name}" (position ${i + 1})`);
  });

  const slots: FileSlot[] = [];
  const withSlots = await Promise.all(
    values.map((value, i) => {
      const files = spec.params[i]?.files ?? [];
      if (files.length === 0) return value;
      return mapAtPaths(value, files, async (leaf) => {
        const slot = await toFileSlot(leaf, ctx.openFile);
        slots.push(slot);
        return slot;
      });
    }),
  );
  await uploadSlots(slots, (files) => upload(ctx, files));
  const prepared = await Promise.all(
    withSlots.map((value, i) => {
      const files = spec.params[i]?.files ?? [];
      return files.length === 0 ? value : mapAtPaths(value, files, (leaf) => (leaf instanceof FileSlot ? leaf.data : leaf));
    }),
  );
  return spec.inputs.map((slot) => (typeof slot === "number" ? prepared[slot] : null));
}

/** `POST {P}/upload` with every file of the call in one multipart body. */
async function upload(ctx: InputContext, files: readonly NamedBlob[]): Promise<string[]> {
  const url = `${ctx.api}/upload`;
  const post = (): Promise<Response> => {
    if (ctx.sendUpload) return ctx.sendUpload(ctx.http, url, files, ctx.signal);
    const { body, contentType } = multipartBody(files);
    return send(ctx.http, url, { method: "POST", body, headers: { "content-type": contentType }, signal: ctx.signal });
  };
  const answer = await readJson(await post(), "POST", url);
  if (!Array.isArray(answer) || !answer.every((p): p is string => typeof p === "string")) {
    throw new GradioError("PROTOCOL", `POST ${url}: expected a list of server paths, got ${JSON.stringify(answer).slice(0, 120)}`);
  }
  return answer;
}
