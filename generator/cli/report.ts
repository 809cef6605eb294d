/** Turns any failure into one paragraph on stderr and an exit code (2 usage, 1 otherwise). */
import { CodegenError } from "../errors.js";

/** Prints the error and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CodegenError) {
    process.stderr.write(`gradio-codegen: ${error.message}\n`);
    return error.code === "USAGE" ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `gradio-codegen: unexpected error: ${message}\nThis is a bug; set GRADIO_CODEGEN_DEBUG=1 for details and please report it.\n`,
  );
  if (process.env["GRADIO_CODEGEN_DEBUG"] && error instanceof Error) process.stderr.write(`${error.stack ?? ""}\n`);
  return 1;
}
