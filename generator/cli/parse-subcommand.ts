/** The end of every subcommand's yargs set-up: help, strict flags, usage errors as exit code 2. */
import type { Argv } from "yargs";
import { CodegenError } from "../errors.js";

/** Parses `argv` with `y`; resolves null when yargs already answered (`--help`). `usage` ends usage errors. */
export function parseSubcommand<T>(y: Argv<T>, usage: string) {
  let handled = true;
  return y
    .help()
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof CodegenError
        ? error
        : new CodegenError("USAGE", `${message ?? error?.message ?? "invalid arguments"}. ${usage}`);
    })
    .check(() => {
      handled = false;
      return true;
    })
    .parseAsync()
    .then((parsed) => (handled || parsed["help"] === true ? null : parsed));
}
