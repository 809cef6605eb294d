// B1, gradio-codegen: import the generated module, connect to the scenario's URL (the module's own
// base URL on loopback, the link's when there is one), call the endpoint once.
import { config, fail, now, report, scriptStart } from "../common.mjs";

try {
  const { connect } = await import(config.module);
  const out = await connect({ baseUrl: config.url }).echo("hello");
  report({ ok: out === "hello", result: out, inScriptMs: now() - scriptStart });
} catch (error) {
  fail(error);
}
