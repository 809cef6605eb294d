// B3, @gradio/client: `n` predict calls with `concurrency` in flight on one client (after `warmup`).
import { Client } from "@gradio/client";
import { config, cpuSeconds, now, fail, peakRssMb, pool, report } from "../common.mjs";

try {
  const client = await Client.connect(config.url);
  let errors = 0;
  let mismatches = 0;
  let firstError = null;
  const call = async (i) => {
    const text = `call-${i}-payload`;
    try {
      const out = (await client.predict("/fast", { text })).data[0];
      if (out !== [...text].reverse().join("")) mismatches++;
    } catch (error) {
      errors++;
      firstError ??= JSON.stringify(error)?.slice(0, 200) ?? String(error);
    }
  };
  await pool(config.warmup, config.concurrency, (i) => call(-1 - i));
  errors = mismatches = 0;
  const cpu = process.cpuUsage();
  const start = now();
  await pool(config.n, config.concurrency, call);
  const seconds = (now() - start) / 1000;
  report({
    ok: errors === 0 && mismatches === 0,
    callsPerS: config.n / seconds,
    cpuS: cpuSeconds(cpu),
    peakRssMb: peakRssMb(),
    errors,
    mismatches,
    firstError,
  });
} catch (error) {
  fail(error);
}
