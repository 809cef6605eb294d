/** How the multi-endpoint module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, shout, stats, type Client } from "./text_tools.js";

/** What `demo` returns against the running test app. */
export const expected = { reversed: "cba", shout: "HI!", shoutLoud: "HI!!!", stats: { characters: 5, words: 3, lines: 2 }, wordsByName: 3, asJson: "[5,3,2]" };

/** Calls three endpoints of one app; `shout` has a defaulted Slider argument. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const result = await client.stats("a b\nc");
    const [characters, words, lines] = result;
    return {
      wordsByName: result.words,
      asJson: JSON.stringify(result),
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
  // @ts-expect-error stats returns numbers
  void stats("x").then((r) => r.words.toUpperCase());
  // @ts-expect-error results are read by their names: characters, words, lines
  void stats("x").then((r) => r.sentences);
  // @ts-expect-error undocumented endpoints are only generated with --all-endpoints
  void client.internal("x");
}
