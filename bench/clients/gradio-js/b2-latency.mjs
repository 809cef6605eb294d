// B2, @gradio/client: `warmup` untimed calls, then `n` sequential predict calls, each timed.
import { Client } from "@gradio/client";
import { config, cpuSeconds, fail, now, percentiles, report } from "../common.mjs";

try {
  const client = await Client.connect(config.url);
  for (let i = 0; i < config.warmup; i++) await client.predict("/echo", { text: `w${i}` });
  const samples = [];
  let mismatches = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < config.n; i++) {
    const text = `m${i}`;
    const start = now();
    const out = (await client.predict("/echo", { text })).data[0];
    samples.push(now() - start);
    if (out !== text) mismatches++;
  }
  report({ ok: mismatches === 0, ...percentiles(samples), cpuS: cpuSeconds(cpu), mismatches });
} catch (error) {
  fail(error);
}
