/**
 * Installs (once, pinned) the JavaScript runtimes the cross-runtime suite (test/runtimes/) runs the
 * runtime package in: Bun, Deno, playwright-core, and the edge runtimes — Cloudflare's workerd
 * (through miniflare, which ships the workerd binary in a platform package) and Vercel's
 * edge-runtime — from npm into the git-ignored `.runtimes/`
 * (test tools like the Python venvs, not dependencies of the repo), and Debian's `chromium` with
 * apt-get when /usr/bin/chromium is missing. Idempotent: a marker file records the pins, so a second
 * run costs a few `stat`s. Concurrent callers (two test runs in one tree) wait on a lock file.
 * A failed install throws with the command and its output: the suite fails, it never skips.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
const DIR = join(REPO_ROOT, ".runtimes");
const MARKER = join(DIR, ".gradio-codegen-installed");
const LOCK = join(DIR, ".install.lock");
const LOCK_WAIT_MS = 300_000;
const INSTALL_TIMEOUT_MS = 240_000;

/** npm packages installed into .runtimes/, exact versions. Bump one here and the next run reinstalls. */
export const RUNTIME_PINS = {
  bun: "1.4.5",
  deno: "2.9.6",
  "playwright-core": "1.65.1",
  // miniflare 4 needs Node 22; 3.x is the last line that runs on Node 20 (workerd of 2025-07).
  miniflare: "3.20250718.3",
  "edge-runtime": "4.0.1",
} as const;

/** Debian's chromium: not pinnable (security updates replace it); its version is logged. */
export const CHROMIUM = "/usr/bin/chromium";

/** Where the installed tools are. */
export interface Runtimes {
  readonly bun: string;
  readonly deno: string;
  readonly chromium: string;
  /** playwright-core's ESM entry, for a dynamic import. */
  readonly playwrightCore: string;
  /** Folder for Deno's cache (DENO_DIR), inside .runtimes/. */
  readonly denoDir: string;
  /** miniflare's package folder (its ESM entry is loaded with a dynamic import). */
  readonly miniflare: string;
  /** edge-runtime's package folder, likewise. */
  readonly edgeRuntime: string;
}

/** Installs what is missing and returns the paths; throws (with the command's output) on failure. */
export async function ensureRuntimes(log: (line: string) => void = () => {}): Promise<Runtimes> {
  const [runtimes] = await Promise.all([ensureNpmRuntimes(log), ensureChromium(log)]);
  return runtimes;
}

/** Platform binaries come from the packages' optional dependencies; install scripts are not run. */
function paths(): Runtimes {
  const arch = process.arch === "x64" ? "x64" : process.arch === "arm64" ? "arm64" : null;
  if (process.platform !== "linux" || arch === null) {
    throw new Error(
      `the cross-runtime suite installs linux x64/arm64 binaries only; this is ${process.platform}-${process.arch}`,
    );
  }
  const modules = join(DIR, "node_modules");
  return {
    bun: join(modules, "@oven", `bun-linux-${arch === "x64" ? "x64" : "aarch64"}`, "bin", "bun"),
    deno: join(modules, "@deno", `linux-${arch}-glibc`, "deno"),
    chromium: CHROMIUM,
    playwrightCore: join(modules, "playwright-core", "index.mjs"),
    denoDir: join(DIR, "deno-dir"),
    miniflare: join(modules, "miniflare"),
    edgeRuntime: join(modules, "edge-runtime"),
  };
}

async function ensureNpmRuntimes(log: (line: string) => void): Promise<Runtimes> {
  const wanted = `${JSON.stringify(RUNTIME_PINS)}\n`;
  const runtimes = paths();
  const installed = async () =>
    existsSync(MARKER) &&
    (await readFile(MARKER, "utf8")) === wanted &&
    [runtimes.bun, runtimes.deno, runtimes.playwrightCore, runtimes.miniflare, runtimes.edgeRuntime].every((p) =>
      existsSync(p),
    );
  if (await installed()) return runtimes;
  await mkdir(DIR, { recursive: true });
  const release = await lock();
  try {
    if (await installed()) return runtimes; // another run installed them while we waited
    const started = Date.now();
    const specs = Object.entries(RUNTIME_PINS).map(([name, version]) => `${name}@${version}`);
    log(`npm install --prefix .runtimes ${specs.join(" ")} (first run only)`);
    await rm(MARKER, { force: true });
    if (!existsSync(join(DIR, "package.json")))
      await writeFile(join(DIR, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
    await run("npm", [
      "install",
      "--prefix",
      DIR,
      "--save-exact",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...specs,
    ]);
    await expectVersion(runtimes.bun, ["--version"], RUNTIME_PINS.bun);
    await expectVersion(runtimes.deno, ["--version"], `deno ${RUNTIME_PINS.deno}`);
    for (const name of ["playwright-core", "miniflare", "edge-runtime"] as const) {
      const pkg = JSON.parse(await readFile(join(DIR, "node_modules", name, "package.json"), "utf8")) as {
        version?: unknown;
      };
      if (pkg.version !== RUNTIME_PINS[name])
        throw new Error(`.runtimes has ${name} ${String(pkg.version)}, want ${RUNTIME_PINS[name]}`);
    }
    await writeFile(MARKER, wanted);
    log(
      `bun, deno, playwright-core, miniflare (workerd) and edge-runtime ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return runtimes;
  } finally {
    await release();
  }
}

async function ensureChromium(log: (line: string) => void): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing and installing it needs root: run \`apt-get install -y --no-install-recommends chromium\` (Debian) first`,
    );
  }
  const started = Date.now();
  // apt's own lock serialises concurrent installs; wait for it instead of failing.
  const install = ["-o", "DPkg::Lock::Timeout=180", "install", "-y", "--no-install-recommends", "chromium"];
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  log(`apt-get ${install.join(" ")} (${CHROMIUM} is missing)`);
  try {
    await run("apt-get", install, env);
  } catch (first) {
    // A fresh machine may have no package lists yet.
    log(`apt-get install failed; running apt-get update and retrying`);
    await run("apt-get", ["-o", "DPkg::Lock::Timeout=180", "update"], env).catch((error: unknown) => {
      throw new Error(`${String(first)}\n${String(error)}`);
    });
    await run("apt-get", install, env);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} does not exist`);
  log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs a command; rejects with the command line and its combined output on failure or timeout. */
function run(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const line = `${command} ${args.join(" ")}`;
    const timer = setTimeout(() => child.kill("SIGKILL"), INSTALL_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${line} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else
        reject(
          new Error(`${line} failed (exit code ${code}, signal ${signal})\n--- output ---\n${output.slice(-8000)}`),
        );
    });
  });
}

async function expectVersion(binary: string, args: readonly string[], prefix: string): Promise<void> {
  const output = (await run(binary, args)).trim();
  if (!output.startsWith(prefix))
    throw new Error(`${binary} ${args.join(" ")} printed ${JSON.stringify(output.slice(0, 200))}, want ${prefix}`);
}

/** An exclusive lock file holding the owner's pid; a lock whose owner died is taken over. */
async function lock(): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(LOCK, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await isStale()) {
      await rm(LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`${LOCK} is held by another install for more than ${LOCK_WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function isStale(): Promise<boolean> {
  const owner = Number(await readFile(LOCK, "utf8").catch(() => ""));
  if (!Number.isInteger(owner) || owner <= 0) {
    // Created but not yet written, or written by a process that died at once: judge by age.
    const info = await stat(LOCK).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > 10_000;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
