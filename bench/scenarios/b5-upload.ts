/**
 * B5 upload: a `100 MB × scale` random file through the upload endpoint (upload + call), against
 * `curl -F files=@file` to the same `{P}/upload` route (upload only) as the practical limit.
 */
import { randomBytes } from "node:crypto";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { collect, failuresOf, interleave, num } from "../lib/interleave.js";
import { named, type BenchContext } from "../lib/context.js";
import { timeCommand, type RunOutcome } from "../lib/process.js";
import { median } from "../lib/stats.js";
import { ratioTarget } from "../lib/targets.js";
import type { ScenarioResult } from "../lib/types.js";

function ensureFile(path: string, bytes: number): void {
  if (existsSync(path) && statSync(path).size === bytes) return;
  const chunk = 1 << 20;
  const parts: Buffer[] = [];
  for (let left = bytes; left > 0; left -= chunk) parts.push(randomBytes(Math.min(chunk, left)));
  writeFileSync(path, Buffer.concat(parts));
}

export async function b5Upload(ctx: BenchContext, reps: number): Promise<ScenarioResult> {
  // Through a capped link a 25 MB file already takes seconds per run; on loopback, 100 MB.
  const capped = ctx.variant.bytesPerSecond !== undefined;
  const bytes = Math.max(1, Math.round((capped ? 25 : 100) * ctx.scale)) * 1_000_000;
  const file = join(ctx.workDir, `upload-${bytes / 1e6}mb.bin`);
  const warmupFile = join(ctx.workDir, "upload-1mb.bin");
  ensureFile(file, bytes);
  ensureFile(warmupFile, 1_000_000);
  const url = ctx.host.url("bench_upload");
  const curl = async (): Promise<RunOutcome> => {
    const args = [
      "-sS",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code} %{time_total}",
      "-F",
      `files=@${file}`,
      `${url}/gradio_api/upload`,
    ];
    const run = await timeCommand("curl", args);
    const [status, total] = run.stdout.trim().split(" ");
    const seconds = Number(total);
    const ok = run.code === 0 && status === "200";
    return {
      wallMs: run.ms,
      result: ok
        ? { ok, mbPerS: bytes / 1e6 / seconds, seconds }
        : { ok, error: `curl: ${run.stdout} ${run.stderr}`.trim() },
    };
  };
  const outcomes = await interleave(ctx, {
    script: "b5-upload",
    config: () => ({ url, module: ctx.modules["bench_upload"], file, warmupFile }),
    reps,
    warmupRounds: 0,
    extra: { id: "curl", run: curl },
  });
  const rate = collect(outcomes, num("mbPerS"));
  return {
    ...named(ctx, "B5", `upload (${bytes / 1e6} MB file → endpoint returning its size)`),
    reps,
    warmup: "one untimed 1 MB upload+call at the start of each client process (curl: none)",
    metrics: [
      { label: "throughput", unit: "MB/s", better: "higher", decimals: 0, values: rate },
      { label: "client CPU", unit: "s", better: "lower", decimals: 2, values: collect(outcomes, num("cpuS")) },
    ],
    failures: failuresOf(outcomes),
    targets: [
      capped
        ? ratioTarget(`B5 MB/s ≥ 0.9× curl on the capped link`, median(rate.ours), median(rate.curl), ">=", 0.9)
        : ratioTarget("B5 MB/s ≥ 0.8× curl (loopback)", median(rate.ours), median(rate.curl), ">=", 0.8),
    ],
    notes: ["B5: clients are timed for upload + call + result; curl for the upload request alone (it does less work)."],
  };
}
