/**
 * The size limit of what the generator reads from a server (`/config`, `/info`, the Hub): a body
 * larger than the limit is refused as it arrives, before it is held in memory. Real `/config`
 * documents are kilobytes to a few megabytes; the default leaves ample room. Override with the
 * environment variable `GRADIO_CODEGEN_MAX_RESPONSE_MB` (README "Security model").
 */
import { CodegenError } from "../errors.js";

export const DEFAULT_MAX_RESPONSE_MB = 64;
export const MAX_RESPONSE_ENV = "GRADIO_CODEGEN_MAX_RESPONSE_MB";

/** The limit in bytes: `$GRADIO_CODEGEN_MAX_RESPONSE_MB` (a positive number) or 64 MB. */
export function maxResponseBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[MAX_RESPONSE_ENV];
  if (text === undefined || text.trim() === "") return DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new CodegenError(
      "USAGE",
      `${MAX_RESPONSE_ENV} must be a positive number of megabytes, got ${JSON.stringify(text.slice(0, 40))}`,
    );
  return Math.floor(mb * 1024 * 1024);
}

/** The body as text, refused with TOO_LARGE as soon as it exceeds `limit` bytes. */
export async function readCapped(response: Response, url: string, limit = maxResponseBytes()): Promise<string> {
  const tooLarge = (seen: string) =>
    new CodegenError(
      "TOO_LARGE",
      `GET ${url} answered with ${seen}, more than the limit of ${formatMb(limit)} MB for a server's answer; raise it with ${MAX_RESPONSE_ENV}=<megabytes> if this app really is that large`,
    );
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge(`${formatMb(declared)} MB (Content-Length)`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(`more than ${formatMb(limit)} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CodegenError("NETWORK", `GET ${url} failed while its answer was read: ${reason}`, { cause: error });
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const formatMb = (bytes: number) => String(Math.round((bytes / 1024 / 1024) * 10) / 10);
