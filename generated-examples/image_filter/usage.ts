/** How the image module is used (and misused: the @ts-expect-error lines must not compile). */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { connect, invert, size } from "./image_filter.js";

const png = fileURLToPath(new URL("../../test/fixtures/gradient-4x3.png", import.meta.url));

/** What `demo` returns against the running test app. */
export const expected = { size: [4, 3], invertedIsPng: true, invertedSize: [4, 3], blobSize: [4, 3] };

/** Inverts a local PNG, downloads the result, and feeds the result back without re-uploading. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const [width, height] = await client.size(png);
    const inverted = await client.invert(png);
    const bytes = await inverted.bytes();
    const invertedIsPng = bytes[0] === 0x89 && bytes[1] === 0x50 && inverted.url.startsWith(baseUrl);
    const invertedSize = [...(await client.size(inverted))];
    const blobSize = [...(await client.size(new Blob([await readFile(png)], { type: "image/png" })))];
    return { size: [width, height], invertedIsPng, invertedSize, blobSize };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error an image file is required
  void invert();
  // @ts-expect-error size returns [width, height] (also readable as .width/.height), no depth
  void size(png).then((s) => s.depth);
  // @ts-expect-error the result is a GradioFile, not a string
  void invert(png).then((file): string => file);
}
