/** How the multi-endpoint module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, shout, stats, type Client } from "./text_tools.js";

/** What `demo` returns against the running test app. */
export const expected = { reversed: "cba", shout: "HI!", shoutLoud: "HI!!!", stats: { characters: 5, words: 3, lines: 2 } };

/** Calls three endpoints of one app; `shout` has a defaulted Slider argument. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const [characters, words, lines] = await client.stats("a b\nc");
    return {
      reversed: await client.reverse("abc"),
      shout: await client.shout("hi"),
      shoutLoud: await client.shout("hi", 3),
      stats: { characters, words, lines },
    };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(client: Client): void {
  // @ts-expect-error exclamations is a number (a Slider from 1 to 5)
  void shout("x", "3");
  // @ts-expect-error stats returns three numbers
  void stats("x").then(([a, b, c, d]) => [a, b, c, d]);
  // @ts-expect-error undocumented endpoints are only generated with --all-endpoints
  void client.internal("x");
}
