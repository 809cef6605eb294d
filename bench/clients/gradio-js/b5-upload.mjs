// B5, @gradio/client: handle_file(path) as the argument, as its docs show for Node.
import { statSync } from "node:fs";
import { Client, handle_file } from "@gradio/client";
import { config, cpuSeconds, fail, now, report } from "../common.mjs";

try {
  const client = await Client.connect(config.url);
  await client.predict("/file_size", { path: handle_file(config.warmupFile) });
  const bytes = statSync(config.file).size;
  const cpu = process.cpuUsage();
  const start = now();
  const size = (await client.predict("/file_size", { path: handle_file(config.file) })).data[0];
  const seconds = (now() - start) / 1000;
  report({ ok: size === bytes, mbPerS: bytes / 1e6 / seconds, seconds, cpuS: cpuSeconds(cpu), size });
} catch (error) {
  fail(error);
}
