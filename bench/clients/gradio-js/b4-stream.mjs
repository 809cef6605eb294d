// B4, @gradio/client: client.submit(...) and iterate its "data" messages (after one small untimed job).
import { Client } from "@gradio/client";
import { config, cpuSeconds, fail, now, report } from "../common.mjs";
import { tokenCounter } from "../common-stream.mjs";

try {
  const client = await Client.connect(config.url);
  for await (const _ of client.submit("/tokens", { count: config.warmup }));
  const { state, add } = tokenCounter();
  const cpu = process.cpuUsage();
  const start = now();
  for await (const message of client.submit("/tokens", { count: config.count })) {
    if (message.type === "data") add(message.data[0], now() - start);
    else if (message.type === "status" && message.stage === "error") throw new Error(message.message ?? "job failed");
  }
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
