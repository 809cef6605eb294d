/** How the translator module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, translate } from "./translator.js";

/** What `demo` returns against the running test app. */
export const expected = { hello: "bonjour", phrase: "au revoir ami" };

/** Calls the app at `baseUrl` like a user would. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const hello: string = await client.translate("Hello");
    const phrase = await client.translate("goodbye friend");
    return { hello, phrase };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error the text is required
  void translate();
  // @ts-expect-error a string, not a number
  void translate(42);
}
