/**
 * Turns what a caller passes for a file (path, URL, Blob, bytes, a stream, a GradioFile from an
 * earlier result) into wire FileData, uploading local content in one multipart request per call
 * (docs/protocol.md §4.2, §4.3). Blobs are read lazily (file-backed Blobs are streamed) and
 * streams as they are sent (stream-source.ts).
 */
import { GradioError } from "../errors.js";
import { FILE_META, GradioFile, isFileData, type FileData } from "./file-data.js";
import {
  claimStream,
  isByteStream,
  isNamedStream,
  StreamContent,
  type ByteStream,
  type NamedStream,
} from "./stream-source.js";

/** Anything a generated function accepts where the app expects a file. */
export type FileInput =
  | string
  | URL
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ByteStream
  | NamedStream
  | GradioFile
  | FileData;

/** Content read from a Blob, with the name the server should keep. */
export interface BlobContent {
  readonly blob: Blob;
  readonly name: string;
}

/** Content to upload, with the name the server should keep: a Blob, or a claimed stream (read once). */
export type NamedBlob = BlobContent | StreamContent;

/** Platform hook: opens a local path (Node entry only). */
export type OpenFile = (path: string) => Promise<NamedBlob>;

/** Uploads blobs and streams, returns server paths in the same order. */
export type Uploader = (files: readonly NamedBlob[]) => Promise<string[]>;

/** A file position of one call: either ready wire data, or content waiting for the upload. */
export class FileSlot {
  data: FileData | undefined;
  readonly content: NamedBlob | undefined;

  constructor(data: FileData | undefined, content?: NamedBlob) {
    this.data = data;
    this.content = content;
  }
}

/** Converts one caller value found at a file position. */
export async function toFileSlot(input: unknown, openFile: OpenFile | undefined): Promise<FileSlot> {
  if (input instanceof GradioFile) return new FileSlot(input.toJSON());
  // Before isFileData: an fs.ReadStream has a string `path` too.
  if (isNamedStream(input) || isByteStream(input)) return new FileSlot(undefined, claimStream(input));
  if (isFileData(input)) return new FileSlot({ ...input, meta: { ...FILE_META } });
  if (input instanceof URL) return new FileSlot(fromUrl(input.href));
  if (typeof input === "string") {
    if (/^https?:\/\//i.test(input)) return new FileSlot(fromUrl(input));
    if (/^data:/i.test(input))
      return new FileSlot(undefined, { blob: await (await fetch(input)).blob(), name: "file" });
    if (!openFile) {
      throw new GradioError(
        "UNSUPPORTED",
        `cannot read the local path ${JSON.stringify(input)} on this platform; pass a Blob, bytes, a stream or an http(s) URL`,
      );
    }
    return new FileSlot(undefined, await openFile(input));
  }
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    const name = "name" in input && typeof input.name === "string" && input.name ? input.name : "file";
    return new FileSlot(undefined, { blob: input, name });
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes =
      input instanceof ArrayBuffer
        ? new Uint8Array(input)
        : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return new FileSlot(undefined, { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name: "file" });
  }
  throw new GradioError(
    "INVALID_ARGUMENT",
    `expected a file (path, URL, Blob, bytes or stream), got ${describe(input)}`,
  );
}

/** Uploads the content of every slot that needs it, in one request, and fills in `data`. */
export async function uploadSlots(slots: readonly FileSlot[], upload: Uploader): Promise<void> {
  const waiting = slots.filter((slot) => slot.data === undefined && slot.content !== undefined);
  if (waiting.length === 0) return;
  let paths: string[];
  try {
    paths = await upload(waiting.map((slot) => slot.content as NamedBlob));
  } catch (error) {
    releaseSlots(waiting);
    throw error;
  }
  if (paths.length !== waiting.length)
    throw new GradioError("PROTOCOL", `upload returned ${paths.length} paths for ${waiting.length} files`);
  waiting.forEach((slot, i) => {
    slot.data = { path: paths[i] as string, orig_name: slot.content?.name ?? null, meta: { ...FILE_META } };
  });
}

/** Releases the streams of slots that will not be uploaded (or whose upload failed): they are used up either way. */
export function releaseSlots(slots: readonly FileSlot[]): void {
  for (const slot of slots) if (slot.content instanceof StreamContent) slot.content.cancel();
}

function fromUrl(url: string): FileData {
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "") || "file";
  return { path: url, url, orig_name: name, meta: { ...FILE_META } };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? `an object with keys ${Object.keys(value).slice(0, 5).join(", ")}` : typeof value;
}
