/** How the State counter module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, increment } from "./counter_state.js";

/** What `demo` returns against the running test app. */
export const expected = { first: [2, 5], second: [1], afterReset: 0, firstAgain: 1 };

/** Two clients = two sessions: each keeps its own server-side State. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const a = connect({ baseUrl });
  const b = connect({ baseUrl });
  try {
    const first = [await a.increment(2), await a.increment(3)];
    const second = [await b.increment()];
    const afterReset = await a.reset();
    const firstAgain = await a.increment();
    return { first, second, afterReset, firstAgain };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error State is not a parameter: increment takes only the step
  void increment(1, 5, {});
  // @ts-expect-error the count is a number
  void increment().then((count): string => count);
}
