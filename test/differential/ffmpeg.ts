/**
 * ffmpeg for the Video apps (Gradio converts and probes videos with it): Debian's `ffmpeg` package,
 * installed with apt-get on first use when /usr/bin/ffmpeg is missing (root, as the chromium
 * install in test/harness/runtimes.ts). A failed install fails the suite, it never skips.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);
export const FFMPEG = "/usr/bin/ffmpeg";

export async function ensureFfmpeg(): Promise<void> {
  if (existsSync(FFMPEG)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `${FFMPEG} is missing and installing it needs root: run \`apt-get install -y ffmpeg\` (Debian) first`,
    );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = ["-o", "DPkg::Lock::Timeout=180", "install", "-y", "--no-install-recommends", "ffmpeg"];
  await run("apt-get", install, { env, timeout: 600_000 }).catch(async () => {
    await run("apt-get", ["-o", "DPkg::Lock::Timeout=180", "update"], { env, timeout: 600_000 });
    await run("apt-get", install, { env, timeout: 600_000 });
  });
  if (!existsSync(FFMPEG)) throw new Error(`apt-get installed ffmpeg, but ${FFMPEG} does not exist`);
}

/** A 1-second 32×32 H.264 test pattern (deterministic bytes for the same ffmpeg build). */
export async function makeVideo(path: string): Promise<void> {
  await run(
    FFMPEG,
    [
      "-y",
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=32x32:rate=5",
      "-t",
      "1",
      "-pix_fmt",
      "yuv420p",
      "-c:v",
      "libx264",
      "-bitexact",
      path,
    ],
    { timeout: 60_000 },
  );
}
