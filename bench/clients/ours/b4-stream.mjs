// B4, gradio-codegen: iterate the generator endpoint's JobStream (after one small untimed stream).
import { config, cpuSeconds, fail, now, report } from "../common.mjs";
import { tokenCounter } from "../common-stream.mjs";

try {
  const { connect } = await import(config.module);
  const client = connect({ baseUrl: config.url }); // the URL the scenario gives (through the link, when there is one)
  for await (const _ of client.tokens(config.warmup));
  const { state, add } = tokenCounter();
  const cpu = process.cpuUsage();
  const start = now();
  for await (const token of client.tokens(config.count)) add(token, now() - start);
  const cpuS = cpuSeconds(cpu);
  report({
    ok: state.received === config.count && state.outOfOrder === 0,
    lastTokenMs: state.lastAtMs,
    cpuS,
    received: state.received,
    outOfOrder: state.outOfOrder,
  });
} catch (error) {
  fail(error);
}
