// B5, gradio-codegen: pass the local path; the runtime uploads it and calls the endpoint.
import { statSync } from "node:fs";
import { config, cpuSeconds, fail, now, report } from "../common.mjs";

try {
  const { connect } = await import(config.module);
  const client = connect({ baseUrl: config.url }); // the URL the scenario gives (through the link, when there is one)
  await client.fileSize(config.warmupFile);
  const bytes = statSync(config.file).size;
  const cpu = process.cpuUsage();
  const start = now();
  const size = await client.fileSize(config.file);
  const seconds = (now() - start) / 1000;
  report({ ok: size === bytes, mbPerS: bytes / 1e6 / seconds, seconds, cpuS: cpuSeconds(cpu), size });
} catch (error) {
  fail(error);
}
