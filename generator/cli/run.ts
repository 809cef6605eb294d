/** Runs one generation as the CLI asked: generate, report diagnostics, write or print. */
import { generate } from "../generate.js";
import { writeIfChanged } from "../output/write.js";
import type { CliArgs } from "./args.js";

/** Returns the exit code. */
export async function run(args: CliArgs): Promise<number> {
  const result = await generate(args.source, {
    allEndpoints: args.allEndpoints,
    typecheck: args.typecheck,
    token: args.hfToken ?? process.env["HF_TOKEN"],
  });
  if (!args.quiet) {
    const warnings = result.model.diagnostics.filter((d) => d.level === "warning");
    for (const d of warnings.slice(0, 20)) process.stderr.write(`warning: ${d.message} (at ${d.pointer})\n`);
    if (warnings.length > 20) process.stderr.write(`… and ${warnings.length - 20} more warning(s)\n`);
  }
  if (args.saveSnapshot) await writeIfChanged(args.saveSnapshot, `${JSON.stringify(result.snapshot, null, 2)}\n`);
  if (args.output) {
    const changed = await writeIfChanged(args.output, result.text);
    if (!args.quiet) process.stderr.write(`${changed ? "wrote" : "unchanged"} ${args.output} (${result.model.endpoints.length} endpoint(s))\n`);
  } else {
    process.stdout.write(result.text);
  }
  return 0;
}
