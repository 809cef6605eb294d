/** How the file tools module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, makeReport, summarize } from "./file_tools.js";

/** What `demo` returns against the running test app. */
export const expected = {
  summary: { count: 2, files: [{ name: "a.txt", size: 5 }, { name: "b.txt", size: 11 }] },
  copies: ["HELLO", "SECOND FILE"],
  copyNames: ["upper-a.txt", "upper-b.txt"],
  report: "Report: Q3\n",
};

/** Uploads two files in one call, downloads the app's files, and fetches a file made from a path. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const [summary, copies] = await client.summarize([new File(["hello"], "a.txt"), new File(["second file"], "b.txt")]);
    const report = await client.makeReport("Q3");
    return {
      summary: summary as typeof expected.summary,
      copies: await Promise.all(copies.map((file) => file.text())),
      copyNames: copies.map((file) => file.name),
      report: await report.text(),
    };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error a list of files, not a single file
  void summarize(new Blob(["x"]));
  // @ts-expect-error files, not numbers
  void summarize([1, 2]);
  // @ts-expect-error the report title is a string
  void makeReport(3);
}
