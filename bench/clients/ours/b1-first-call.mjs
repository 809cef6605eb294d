// B1, gradio-codegen: import the generated module, call the endpoint once (module-level function).
import { config, fail, now, report, scriptStart } from "../common.mjs";

try {
  const { echo } = await import(config.module);
  const out = await echo("hello");
  report({ ok: out === "hello", result: out, inScriptMs: now() - scriptStart });
} catch (error) {
  fail(error);
}
