// B1, gradio-codegen: import the generated module, call the endpoint once (module-level function).
import { config, fail, report } from "../common.mjs";

try {
  const { echo } = await import(config.module);
  const out = await echo("hello");
  report({ ok: out === "hello", result: out });
} catch (error) {
  fail(error);
}
