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
