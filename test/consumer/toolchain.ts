/**
 * The consumer test's tools: child processes with bounded time, and npm installs kept in a
 * git-ignored cache (test/consumer/.cache: the npm cache, one folder per TypeScript version, the
 * package linters), so a rerun installs nothing new. Only the npm registry is contacted.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths.js";

export const CACHE = join(REPO_ROOT, "test", "consumer", ".cache");
const NPM_CACHE = join(CACHE, "npm");

/** TypeScript versions every consumer config is compiled with: oldest supported 5.x, newest 5.x, 6.x, newest (7.x). */
export const TYPESCRIPT_VERSIONS = ["5.0.4", "5.9.3", "6.0.3", "7.0.2"] as const;
export type TsVersion = (typeof TYPESCRIPT_VERSIONS)[number];

/** Pinned tools installed into the consumer project or the cache. */
export const PINS = { vite: "8.4.1", typesNode: "20.19.43", attw: "0.18.5", publint: "0.3.25" } as const;

export interface RunResult {
  readonly code: number;
  readonly output: string;
}

/** Runs `file args` in `cwd`; resolves with the exit code and stdout+stderr (never rejects on a non-zero exit). */
export function run(
  file: string,
  args: readonly string[],
  cwd: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error && typeof error.code !== "number")
          reject(new Error(`${file} ${args.join(" ")} (in ${cwd}) did not finish: ${error.message}\n${output}`));
        else resolve({ code: typeof error?.code === "number" ? error.code : 0, output });
      },
    );
  });
}

/** Runs a command that must succeed; throws with its output otherwise. */
export async function must(
  file: string,
  args: readonly string[],
  cwd: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const result = await run(file, args, cwd, options);
  if (result.code !== 0)
    throw new Error(`${file} ${args.join(" ")} (in ${cwd}) exited with ${result.code}:\n${result.output}`);
  return result.output;
}

const npmBin = process.platform === "win32" ? "npm.cmd" : "npm";

/** `npm install` with the shared cache, preferring cached packages; no audit, no funding notes, no scripts. */
export function npmInstall(dir: string, specs: readonly string[]): Promise<string> {
  return must(
    npmBin,
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--cache", NPM_CACHE, "--loglevel=error", ...specs],
    dir,
    { timeoutMs: 600_000 },
  );
}

/** `npm pack` of the package in `dir` into `destination`; returns the tarball's file name. */
export async function npmPack(dir: string, destination: string): Promise<string> {
  const output = await must(
    npmBin,
    ["pack", "--json", "--pack-destination", destination, "--cache", NPM_CACHE, "--loglevel=error"],
    dir,
  );
  const [first] = JSON.parse(output.slice(output.indexOf("["))) as { filename: string }[];
  if (!first) throw new Error(`npm pack in ${dir} reported no tarball:\n${output}`);
  return first.filename;
}

/** A folder under the cache with `packages` installed once (a marker file records the exact set). */
async function cachedInstall(name: string, packages: readonly string[]): Promise<string> {
  const dir = join(CACHE, name);
  const marker = join(dir, `.installed-${packages.join("+").replaceAll("/", "_")}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `{ "private": true }\n`);
  await npmInstall(dir, packages);
  writeFileSync(marker, "");
  return dir;
}

/** Path of `tsc` of one TypeScript version (installed into the cache on first use). */
export async function tscOf(version: TsVersion): Promise<string> {
  const dir = await cachedInstall(`typescript-${version}`, [`typescript@${version}`]);
  return join(dir, "node_modules", "typescript", "bin", "tsc");
}

/** Paths of the attw and publint command-line tools (installed into the cache on first use). */
export async function linters(): Promise<{ attw: string; publint: string }> {
  const dir = await cachedInstall("linters", [`@arethetypeswrong/cli@${PINS.attw}`, `publint@${PINS.publint}`]);
  const bin = join(dir, "node_modules", ".bin");
  return { attw: join(bin, "attw"), publint: join(bin, "publint") };
}

/** Runs `tasks` at most `limit` at a time (the machine has few cores; each tsc is single-threaded). */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
