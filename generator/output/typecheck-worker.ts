/**
 * Worker side of the gate (see gate.ts): warms the compiler up as soon as it starts, then checks
 * the module it is sent and replies with nothing or the TYPECHECK error.
 */
import { parentPort } from "node:worker_threads";
import { CodegenError } from "../errors.js";
import { typecheckModule, warmUp } from "./typecheck.js";

/** What the worker replies: `ok`, the gate's error, or a crash (the caller then checks in-process). */
export type GateReply =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: CodegenError["code"]; readonly message: string }
  | { readonly ok: false; readonly crash: string };

warmUp();
parentPort?.on("message", (request: { text: string; displayName: string; parseOnly?: string }) => {
  let reply: GateReply = { ok: true };
  try {
    typecheckModule(request.text, request.displayName, request.parseOnly);
  } catch (error) {
    reply =
      error instanceof CodegenError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, crash: String(error) };
  }
  parentPort?.postMessage(reply);
});
