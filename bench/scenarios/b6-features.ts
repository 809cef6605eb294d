/**
 * B6 per feature (issue 14): the browser bundle (esbuild --bundle --minify, gzip -9) of a program
 * making one call of a one-endpoint module, then the same with one feature more — a file input,
 * a streaming endpoint, the test doubles (`mock`), the tools entry — so each row minus the base is
 * what that feature costs a bundle. Modules are the bench's own (generated from the running apps);
 * the tools module is generated here with `--tools` from the echo app.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "../lib/context.js";
import { timeCommand } from "../lib/process.js";
import type { Metric } from "../lib/types.js";

/** One row: a label and the program bundled for it (imports relative to the work dir). */
const PROGRAMS: ReadonlyArray<readonly [string, string]> = [
  ["base: one call (echo)", `import { echo } from "./gen/bench_echo.js";\nconsole.log(await echo("hello"));\n`],
  [
    "+ files (a Blob input, File component)",
    `import { fileSize } from "./gen/bench_upload.js";\nconsole.log(await fileSize(new Blob(["hello"])));\n`,
  ],
  [
    "+ streaming (a generator endpoint, for await)",
    `import { tokens } from "./gen/bench_stream.js";\nfor await (const t of tokens(3)) console.log(t);\n`,
  ],
  [
    "+ test doubles (echo and mock())",
    `import { echo, mock } from "./gen/bench_echo.js";\nconsole.log(await echo("hello"), await mock({ echo: async (t) => t }).echo("x"));\n`,
  ],
  [
    "+ tools (echo through the tools dispatcher)",
    `import { createDispatcher } from "./gen/b6_tools_echo.tools.js";\nconsole.log(await createDispatcher()("echo", { text: "hello" }));\n`,
  ],
];

/**
 * Bundles each program for the browser; `bundle` is B6's esbuild helper. Returns one metric per
 * row (ours only), or throws naming the row that failed.
 */
export async function featureRows(
  ctx: BenchContext,
  bundle: (entry: string, platform: "browser") => Promise<{ gzip: number }>,
): Promise<Metric[]> {
  const tools = await timeCommand(process.execPath, [
    join(ctx.repoRoot, "dist", "generator", "cli", "main.js"),
    ctx.host.url("bench_echo"),
    "-o",
    join(ctx.workDir, "gen", "b6_tools_echo.ts"),
    "--tools",
    "-q",
    "--no-typecheck",
  ]);
  if (tools.code !== 0) throw new Error(`generating the tools module: ${tools.stderr.slice(0, 200)}`);
  const metrics: Metric[] = [];
  for (const [index, [label, program]] of PROGRAMS.entries()) {
    const entry = join(ctx.workDir, `b6-feature-${index}.ts`);
    writeFileSync(entry, program);
    const { gzip } = await bundle(entry, "browser").catch((error: unknown) => {
      throw new Error(`${label}: ${String(error).slice(0, 200)}`);
    });
    metrics.push({
      label: `per feature, browser gzip -9: ${label}`,
      unit: "B",
      better: "lower",
      decimals: 0,
      values: { ours: [gzip] },
    });
  }
  return metrics;
}
