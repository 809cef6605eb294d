/**
 * FileData on the wire (docs/protocol.md §4.1) and the runtime's own output file type.
 */
import { DEFAULT_LIMITS } from "../limits.js";
import {
  downloadBytes,
  downloadChunks,
  type DownloadLimits,
  type DownloadOptions,
  type StartDownload,
} from "./download.js";

/** The wire shape of a file. */
export interface FileData {
  path: string;
  url?: string | null;
  size?: number | null;
  orig_name?: string | null;
  mime_type?: string | null;
  is_stream?: boolean;
  meta?: { _type: string };
}

export const FILE_META = { _type: "gradio.FileData" } as const;

/** A file value as the server sends it (meta is absent on Gradio ≤ 4.20). */
export function isFileData(value: unknown): value is FileData {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate["path"] !== "string") return false;
  const meta = candidate["meta"];
  return (
    meta === undefined ||
    (typeof meta === "object" && meta !== null && (meta as Record<string, unknown>)["_type"] === FILE_META._type)
  );
}

/** Downloads a URL with the client's credentials policy (non-2xx → HttpError), aborted with `signal`. */
export type Downloader = (url: string, signal?: AbortSignal) => Promise<Response>;

/** A file produced by the app. Its `url` always points at the app's own origin (or the URL the app returned). */
export class GradioFile {
  /** Server-side path (or URL), usable as an input of the same app without re-uploading. */
  readonly path: string;
  readonly url: string;
  readonly size: number | null;
  readonly origName: string | null;
  readonly mimeType: string | null;
  readonly isStream: boolean;
  readonly #download: Downloader;
  readonly #limits: DownloadLimits;

  constructor(wire: FileData, url: string, download: Downloader, limits: DownloadLimits = DEFAULT_LIMITS) {
    this.path = wire.path;
    this.url = url;
    this.size = wire.size ?? null;
    this.origName = wire.orig_name ?? null;
    this.mimeType = wire.mime_type ?? null;
    this.isStream = wire.is_stream ?? false;
    this.#download = download;
    this.#limits = limits;
  }

  /** A display name: the original name, else the last path segment. */
  get name(): string {
    return this.origName ?? this.path.split(/[\\/]/).pop() ?? "file";
  }

  /**
   * Fetches the file; the response body is not read yet (and not bounded: prefer the methods
   * below). `signal` aborts the request and the body.
   */
  fetch(options: Pick<DownloadOptions, "signal"> = {}): Promise<Response> {
    return this.#download(this.url, options.signal);
  }

  /**
   * The bytes, chunk by chunk. Like every download method it takes `{ signal, timeout, maxBytes }`:
   * abort, a bound on the whole download, and a size bound (default: the client's
   * `limits.maxDownloadBytes`); silence for `limits.idleTimeoutMs` fails too (README "Limits").
   */
  chunks(options: DownloadOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
    return downloadChunks(this.#start, this.url, options, this.#limits);
  }

  async blob(options: DownloadOptions = {}): Promise<Blob> {
    // The bytes are always a fresh ArrayBuffer (never shared); declared plainly for TypeScript 5.0–5.6 users.
    return new Blob(
      [(await this.bytes(options)) as Uint8Array<ArrayBuffer>],
      this.mimeType ? { type: this.mimeType } : {},
    );
  }

  bytes(options: DownloadOptions = {}): Promise<Uint8Array> {
    return downloadBytes(this.#start, this.url, options, this.#limits);
  }

  async text(options: DownloadOptions = {}): Promise<string> {
    return new TextDecoder().decode(await this.bytes(options));
  }

  readonly #start: StartDownload = (signal) => this.#download(this.url, signal);

  /** The wire form, to send the file back to the same app. */
  toJSON(): FileData {
    return {
      path: this.path,
      url: this.url,
      orig_name: this.origName,
      mime_type: this.mimeType,
      meta: { ...FILE_META },
    };
  }
}
