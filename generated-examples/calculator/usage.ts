/** How the calculator module is used (and misused: the @ts-expect-error lines must not compile). */
import { AppError } from "@gradio-codegen/runtime";
import { connect, predict } from "./calculator.js";

/** What `demo` returns against the running test app. */
export const expected = { sum: 9, quotient: 2.5, divideByZero: "Cannot divide by zero!" };

/** Calls the app at `baseUrl` like a user would. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const sum: number = await client.predict(4, "add", 5);
    const quotient = await client.predict(5, "divide", 2, { timeout: 30_000 });
    const divideByZero = await client.predict(1, "divide", 0).then(
      () => "no error",
      (error: unknown) => (error instanceof AppError ? (error.appMessage ?? "") : "unexpected error"),
    );
    return { sum, quotient, divideByZero };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error "power" is not one of the Radio's choices
  void predict(2, "power", 3);
  // @ts-expect-error the second number is required
  void predict(2, "add");
  // @ts-expect-error numbers, not strings
  void predict("2", "add", 3);
  // @ts-expect-error the result is a number
  void predict(2, "add", 3).then((result): string => result);
}
