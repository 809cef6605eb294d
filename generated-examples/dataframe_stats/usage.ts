/** How the dataframe module is used (and misused: the @ts-expect-error lines must not compile). */
import { columnSums, connect } from "./dataframe_stats.js";

/** What `demo` returns against the running test app. */
export const expected = { sums: [[9, 12]], headers: ["a", "b"], rows: 3, defaultSums: [[4, 6]], defaultRows: 2 };

/** Sums a table, then calls again with the component's default table. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const [sums, rows] = await client.columnSums({ headers: ["a", "b"], data: [[1, 2], [3, 4], [5, 6]] });
    const [defaults, defaultRows] = await client.columnSums();
    return { sums: sums.data as number[][], headers: sums.headers as string[], rows, defaultSums: defaults.data as number[][], defaultRows };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error a table needs headers and data
  void columnSums({ data: [[1]] });
  // @ts-expect-error rows are arrays of cells
  void columnSums({ headers: ["a"], data: [1, 2] });
}
