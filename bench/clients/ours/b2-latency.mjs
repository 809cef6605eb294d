// B2, gradio-codegen: `warmup` untimed calls, then `n` sequential echo calls, each timed.
import { config, cpuSeconds, fail, now, percentiles, report } from "../common.mjs";

try {
  const { connect } = await import(config.module);
  const client = connect({ baseUrl: config.url }); // the URL the scenario gives (through the link, when there is one)
  for (let i = 0; i < config.warmup; i++) await client.echo(`w${i}`);
  const samples = [];
  let mismatches = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < config.n; i++) {
    const text = `m${i}`;
    const start = now();
    const out = await client.echo(text);
    samples.push(now() - start);
    if (out !== text) mismatches++;
  }
  report({ ok: mismatches === 0, ...percentiles(samples), cpuS: cpuSeconds(cpu), mismatches });
} catch (error) {
  fail(error);
}
