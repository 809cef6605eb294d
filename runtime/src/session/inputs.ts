/**
 * Builds the wire `data` array of a call: fills defaults, checks required arguments, lets the
 * files feature convert file positions, and inserts `null` for State and layout slots
 * (docs/protocol.md §7 item 2).
 */
import { GradioError } from "../errors.js";
import type { NamedBlob, OpenFile } from "../files/file-input.js";
import type { EndpointSpec } from "../spec.js";
import type { HttpContext } from "../transport/http.js";

/** Platform hook: sends `POST url` with `files` as one multipart body (the Node entry streams files with node:http). */
export type UploadSender = (
  http: HttpContext,
  url: string,
  files: readonly NamedBlob[],
  signal: AbortSignal | undefined,
) => Promise<Response>;

/** What the files feature needs to convert and upload the files of one call. */
export interface InputContext {
  readonly http: HttpContext;
  readonly api: string;
  readonly openFile: OpenFile | undefined;
  readonly signal: AbortSignal | undefined;
  readonly sendUpload?: UploadSender | undefined;
  /** The user passed their own `fetch`: Node fast paths stay off, every request goes through it. */
  readonly customFetch?: boolean;
}

/** The `data` array to send on join, in wire order; `files` converts the public values' files. */
export async function wireData(
  spec: EndpointSpec,
  args: readonly unknown[],
  label: string,
  files?: (values: unknown[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  if (args.length > spec.params.length) {
    throw new GradioError("INVALID_ARGUMENT", `${label} takes ${spec.params.length} argument(s), got ${args.length}`);
  }
  let values = spec.params.map((param, i): unknown => {
    const value = args[i];
    if (value !== undefined) return value;
    if (param.default !== undefined) return structuredClone(param.default);
    throw new GradioError(
      "INVALID_ARGUMENT",
      `${label}: missing required argument "${param.name}" (position ${i + 1})`,
    );
  });
  if (files) values = await files(values);
  return spec.inputs.map((slot) => (typeof slot === "number" ? values[slot] : null));
}
