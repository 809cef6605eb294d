/** Reads a response body as text, failing as soon as it is longer than a limit (runtime/src/limits.ts). */

/** The body of `response` as text; `tooLarge()` is thrown once more than `maxBytes` bytes arrived (the rest is not read). */
export async function readTextCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (Number(response.headers.get("content-length") ?? NaN) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body || !Number.isFinite(maxBytes)) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let size = 0, chunk; !(chunk = await reader.read()).done; ) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** Bytes of an error answer's body kept for its message (HttpError `body`); the rest is not read. */
export const ERROR_BODY_BYTES = 64 * 1024;

/**
 * At most `maxBytes` bytes of the body of `response` as text (the rest is not read, the body is
 * cancelled): for answers read only to be quoted or sniffed, such as an error page.
 */
export async function readTextPrefix(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let size = 0, chunk; size < maxBytes && !(chunk = await reader.read()).done; ) {
    const part = chunk.value.subarray(0, maxBytes - size);
    size += part.byteLength;
    text += decoder.decode(part, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text + decoder.decode();
}
