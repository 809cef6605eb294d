// B3, raw floor (no library, see raw.mjs): `n` calls with `concurrency` in flight (after `warmup`).
import { config, cpuSeconds, fail, now, peakRssMb, pool, report } from "../common.mjs";
import { discover, rawCall } from "./raw.mjs";

try {
  const fast = await discover(config.url, "fast");
  let errors = 0;
  let mismatches = 0;
  let firstError = null;
  const call = async (i) => {
    const text = `call-${i}-payload`;
    try {
      const [out] = await rawCall(fast, [text]);
      if (out !== [...text].reverse().join("")) mismatches++;
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
