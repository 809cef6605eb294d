// B1, @gradio/client: Client.connect(url), then predict once, as its README shows.
import { config, fail, now, report, scriptStart } from "../common.mjs";

try {
  const { Client } = await import("@gradio/client");
  const client = await Client.connect(config.url);
  const out = (await client.predict("/echo", { text: "hello" })).data[0];
  report({ ok: out === "hello", result: out, inScriptMs: now() - scriptStart });
} catch (error) {
  fail(error);
}
