// B3, gradio-codegen: `n` calls with `concurrency` in flight (after `warmup` untimed calls).
import { config, cpuSeconds, now, fail, peakRssMb, pool, report } from "../common.mjs";

try {
  const { connect } = await import(config.module);
  const client = connect({ baseUrl: config.url }); // the URL the scenario gives (through the link, when there is one)
  let errors = 0;
  let mismatches = 0;
  let firstError = null;
  const call = async (i) => {
    const text = `call-${i}-payload`;
    try {
      if ((await client.fast(text)) !== [...text].reverse().join("")) mismatches++;
    } catch (error) {
      errors++;
      firstError ??= String(error);
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
