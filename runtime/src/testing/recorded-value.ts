/**
 * Values in a recording: JSON, with files kept in a form that survives `JSON.stringify` —
 * an output file with its bytes (base64) so that replay can serve `bytes()`/`text()` offline, an
 * input file as a descriptor (name and size) so that replayed calls match on it, an update
 * (`GradioUpdate`, e.g. the result an UNCHANGED error carries) with its props and value.
 */
import { FILE_META, GradioFile } from "../files/file-data.js";
import { GradioUpdate, type UpdateProps } from "../session/update.js";
import type { JsonValue } from "../spec.js";

/** An output file as recorded. */
export interface RecordedFile {
  readonly path: string;
  readonly url: string;
  readonly origName: string | null;
  readonly mimeType: string | null;
  /** The content, base64; null when it was larger than the recorder's `maxFileBytes`. */
  readonly base64: string | null;
}

const FILE_KEY = "$file";
const UPDATE_KEY = "$update";
const INPUT_KEY = "$input";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** A result value → JSON (output files downloaded, up to `maxFileBytes` each). */
export async function recordResult(value: unknown, maxFileBytes: number): Promise<JsonValue> {
  if (value instanceof GradioFile) {
    const bytes = value.size !== null && value.size > maxFileBytes ? null : await value.bytes();
    const file: RecordedFile = {
      path: value.path,
      url: value.url,
      origName: value.origName,
      mimeType: value.mimeType,
      base64: bytes === null || bytes.length > maxFileBytes ? null : toBase64(bytes),
    };
    return { [FILE_KEY]: { ...file } };
  }
  if (value instanceof GradioUpdate) {
    const update = value as GradioUpdate<unknown>;
    const recorded: Record<string, JsonValue> = { props: { ...update.props } as JsonValue };
    if (update.hasValue) recorded["value"] = await recordResult(update.value, maxFileBytes);
    return { [UPDATE_KEY]: recorded };
  }
  if (Array.isArray(value)) return Promise.all(value.map((item: unknown) => recordResult(item, maxFileBytes)));
  if (typeof value === "object" && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await recordResult(item, maxFileBytes)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value === undefined ? null : (value as JsonValue);
}

/** A recorded result → the value the real client would give (files answer from their recorded bytes). */
export function replayResult(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(replayResult);
  if (typeof value !== "object" || value === null) return value;
  const update = value[UPDATE_KEY];
  if (typeof update === "object" && update !== null && !Array.isArray(update)) {
    const props = (update["props"] ?? {}) as UpdateProps;
    return new GradioUpdate(props, "value" in update ? { value: replayResult(update["value"] ?? null) } : undefined);
  }
  const file = value[FILE_KEY];
  if (typeof file === "object" && file !== null && !Array.isArray(file)) {
    const recorded = file as unknown as RecordedFile;
    const download = async (): Promise<Response> => {
      if (recorded.base64 === null)
        throw new Error(
          `the recording holds no content for ${recorded.url} (larger than maxFileBytes when it was recorded)`,
        );
      return new Response(fromBase64(recorded.base64), {
        headers: recorded.mimeType ? { "content-type": recorded.mimeType } : {},
      });
    };
    return new GradioFile(
      {
        path: recorded.path,
        url: recorded.url,
        orig_name: recorded.origName,
        mime_type: recorded.mimeType,
        meta: { ...FILE_META },
      },
      recorded.url,
      download,
    );
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replayResult(item)]));
}

/** An argument → a JSON key to match replayed calls on (files by name and size, streams by kind). */
export function argumentKey(value: unknown): JsonValue {
  if (value instanceof GradioFile) return { [INPUT_KEY]: "file", path: value.path };
  if (typeof Blob !== "undefined" && value instanceof Blob)
    return {
      [INPUT_KEY]: "blob",
      name: "name" in value && typeof value.name === "string" ? value.name : null,
      size: value.size,
    };
  if (value instanceof Uint8Array || value instanceof ArrayBuffer)
    return { [INPUT_KEY]: "bytes", size: value.byteLength };
  if (Array.isArray(value)) return value.map(argumentKey);
  if (typeof value === "object" && value !== null) {
    if (Symbol.asyncIterator in value || "getReader" in value) return { [INPUT_KEY]: "stream" };
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, argumentKey(item)]));
  }
  return value === undefined ? null : (value as JsonValue);
}
