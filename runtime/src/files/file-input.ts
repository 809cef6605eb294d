/**
 * Turns what a caller passes for a file (path, URL, Blob, bytes, a GradioFile from an earlier
 * result) into wire FileData, uploading local content in one multipart request per call
 * (gradio-protocol.md §4.2, §4.3). Bodies are Blobs, so file-backed Blobs are streamed, not read.
 */
import { GradioError } from "../errors.js";
import { FILE_META, GradioFile, isFileData, type FileData } from "./file-data.js";

/** Anything a generated function accepts where the app expects a file. */
export type FileInput = string | URL | Blob | ArrayBuffer | ArrayBufferView | GradioFile | FileData;

/** Content to upload, with the name the server should keep. */
export interface NamedBlob {
  readonly blob: Blob;
  readonly name: string;
}

/** Platform hook: opens a local path (Node entry only). */
export type OpenFile = (path: string) => Promise<NamedBlob>;

/** Uploads blobs, returns server paths in the same order. */
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
  if (isFileData(input)) return new FileSlot({ ...input, meta: { ...FILE_META } });
  if (input instanceof URL) return new FileSlot(fromUrl(input.href));
  if (typeof input === "string") {
    if (/^https?:\/\//i.test(input)) return new FileSlot(fromUrl(input));
    if (/^data:/i.test(input)) return new FileSlot(undefined, { blob: await (await fetch(input)).blob(), name: "file" });
    if (!openFile) {
      throw new GradioError("UNSUPPORTED", `cannot read the local path ${JSON.stringify(input)} on this platform; pass a Blob, bytes or an http(s) URL`);
    }
    return new FileSlot(undefined, await openFile(input));
  }
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    const name = "name" in input && typeof input.name === "string" && input.name ? input.name : "file";
    return new FileSlot(undefined, { blob: input, name });
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return new FileSlot(undefined, { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name: "file" });
  }
  throw new GradioError("INVALID_ARGUMENT", `expected a file (path, URL, Blob or bytes), got ${describe(input)}`);
}

/** Uploads the content of every slot that needs it, in one request, and fills in `data`. */
export async function uploadSlots(slots: readonly FileSlot[], upload: Uploader): Promise<void> {
  const waiting = slots.filter((slot) => slot.data === undefined && slot.content !== undefined);
  if (waiting.length === 0) return;
  const paths = await upload(waiting.map((slot) => slot.content as NamedBlob));
  if (paths.length !== waiting.length) throw new GradioError("PROTOCOL", `upload returned ${paths.length} paths for ${waiting.length} files`);
  waiting.forEach((slot, i) => {
    slot.data = { path: paths[i] as string, orig_name: slot.content?.name ?? null, meta: { ...FILE_META } };
  });
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

/** Builds a multipart/form-data body as a Blob (file-backed parts stay lazy). */
export function multipartBody(files: readonly NamedBlob[]): { body: Blob; contentType: string } {
  const boundary = `----gradio-codegen-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const parts: BlobPart[] = [];
  for (const file of files) {
    const name = file.name.replace(/["\r\n\\]/g, "_");
    const type = file.blob.type || "application/octet-stream";
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`, file.blob, "\r\n");
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
