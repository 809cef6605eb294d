/** How the whisper-like module is used (and misused: the @ts-expect-error lines must not compile). */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { connect, predict } from "./whisper.js";

const wav = fileURLToPath(new URL("../../test/fixtures/tone-16k-1500ms.wav", import.meta.url));
const description = "1.50 seconds of audio at 16000 Hz, 1 channel(s)";

/** What `demo` returns against the running test app. */
export const expected = { fromPath: description, fromBytes: description, fromBlob: description };

/** Calls the app at `baseUrl` with a local path, raw bytes and a Blob. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const fromPath: string = await client.predict(wav);
    const bytes = await readFile(wav);
    const fromBytes = await client.predict(bytes);
    const fromBlob = await client.predict(new Blob([bytes], { type: "audio/wav" }));
    return { fromPath, fromBytes, fromBlob };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error the audio file is required
  void predict();
  // @ts-expect-error a file (path, URL, Blob or bytes), not a number
  void predict(3);
}
