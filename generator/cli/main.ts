#!/usr/bin/env node
/**
 * `gradio-codegen <source> [-o file]`: the command line. Exit codes: 0 ok, 1 failure, 2 usage.
 * Errors are one paragraph on stderr, never a stack trace, never a partial file.
 */
import { hideBin } from "yargs/helpers";
import { parseArgs } from "./args.js";
import { reportError } from "./report.js";
import { startTypecheckEarly } from "../output/gate.js";

const SUBCOMMANDS: Readonly<Record<string, string>> = { duplicate: "./duplicate-command.js", inspect: "./inspect-command.js" };

try {
  const argv = hideBin(process.argv);
  const sub = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
  const args = sub === undefined ? await parseArgs(argv) : null;
  if (sub !== undefined) {
    const { runSubcommand } = (await import(sub)) as { runSubcommand: (argv: string[]) => Promise<number> };
    process.exitCode = await runSubcommand(argv.slice(1));
  } else if (args !== null) {
    // The gate's compiler loads on the other core while the rest of the pipeline loads and runs.
    if (args.typecheck && args.config === undefined) startTypecheckEarly();
    const { run } = await import("./run.js");
    process.exitCode = await run(args);
  }
} catch (error) {
  process.exitCode = reportError(error);
}
