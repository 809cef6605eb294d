#!/usr/bin/env node
/**
 * `gradio-codegen <source> [-o file]`: the command line. Exit codes: 0 ok, 1 failure, 2 usage.
 * Errors are one paragraph on stderr, never a stack trace, never a partial file.
 */
import { hideBin } from "yargs/helpers";
import { parseArgs } from "./args.js";
import { run } from "./run.js";
import { reportError } from "./report.js";

try {
  const args = await parseArgs(hideBin(process.argv));
  if (args !== null) process.exitCode = await run(args);
} catch (error) {
  process.exitCode = reportError(error);
}
