/**
 * Runs the type-check gate. The CLI calls `startTypecheckEarly()` right after parsing its
 * arguments: the compiler (~9 MB of JS), the libs and the runtime's declarations then load and
 * parse on the second core while this thread loads, models, renders and formats the module.
 * Otherwise (library use, tests, config runs) the check runs in-process.
 */
import { Worker } from "node:worker_threads";
import { CodegenError } from "../errors.js";
import type { GateReply } from "./typecheck-worker.js";

let early: Worker | undefined;

/** Starts a worker for the next check; a no-op when not running from the built `.js`. */
export function startTypecheckEarly(): void {
  if (early !== undefined || !import.meta.url.endsWith(".js")) return;
  early = new Worker(new URL("./typecheck-worker.js", import.meta.url));
  // It must not keep the process alive if the run fails before it is needed.
  early.unref();
  early.on("error", () => undefined);
}

function ask(worker: Worker, text: string, displayName: string, parseOnly: string | undefined): Promise<GateReply> {
  return new Promise((resolve) => {
    worker.once("message", resolve);
    worker.once("error", (error) => resolve({ ok: false, crash: String(error) }));
    worker.once("exit", (code) => resolve({ ok: false, crash: `worker exited with code ${code}` }));
    worker.postMessage({ text, displayName, parseOnly });
  });
}

/**
 * Throws TYPECHECK with located diagnostics when the module does not compile (see typecheck.ts);
 * `parseOnly`: a text that must also parse without errors (a large module whose twins are not in
 * `text`, see twins.ts).
 */
export async function typecheck(text: string, displayName: string, parseOnly?: string): Promise<void> {
  const worker = early;
  early = undefined;
  if (worker !== undefined) {
    worker.ref();
    const reply = await ask(worker, text, displayName, parseOnly);
    void worker.terminate();
    if (reply.ok) return;
    if ("code" in reply) throw new CodegenError(reply.code, reply.message);
  }
  (await import("./typecheck.js")).typecheckModule(text, displayName, parseOnly);
}
