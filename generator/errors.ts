/**
 * The generator's typed errors. The CLI prints `message` (one paragraph, no stack) and exits with
 * 2 for usage errors, 1 for everything else.
 */

export type CodegenErrorCode =
  | "USAGE"
  | "SOURCE_NOT_FOUND"
  | "HTTP"
  | "NETWORK"
  /** A server's answer exceeds a documented size limit (the message names it and how to raise it). */
  | "TOO_LARGE"
  | "AUTH"
  | "SPACE_NOT_RUNNING"
  | "TIMEOUT"
  | "NOT_GRADIO"
  | "INVALID_JSON"
  | "INVALID_SCHEMA"
  | "UNSUPPORTED"
  | "TYPECHECK"
  | "WRITE";

export class CodegenError extends Error {
  override readonly name = "CodegenError";
  readonly code: CodegenErrorCode;
  /** JSON pointer into the schema document, when the problem has a location. */
  readonly pointer: string | undefined;

  constructor(code: CodegenErrorCode, message: string, options?: { cause?: unknown; pointer?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.pointer = options?.pointer;
  }
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}
