// B2, raw floor (no library, see raw.mjs): `warmup` untimed calls, then `n` sequential echo calls.
import { config, cpuSeconds, fail, now, percentiles, report } from "../common.mjs";
import { discover, rawCall } from "./raw.mjs";

try {
  const echo = await discover(config.url, "echo");
  for (let i = 0; i < config.warmup; i++) await rawCall(echo, [`w${i}`]);
  const samples = [];
  let mismatches = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < config.n; i++) {
    const text = `m${i}`;
    const start = now();
    const [out] = await rawCall(echo, [text]);
    samples.push(now() - start);
    if (out !== text) mismatches++;
  }
  report({ ok: mismatches === 0, ...percentiles(samples), cpuS: cpuSeconds(cpu), mismatches });
} catch (error) {
  fail(error);
}
