/**
 * Creates (once) a Python venv per Gradio version under `.venvs/` and pip-installs the pinned
 * `gradio` into it. Idempotent: a marker file records what was installed, so a second run costs
 * one `stat`.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PIP_EXTRAS } from "./gradio-versions.js";

const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
const MARKER = ".gradio-codegen-installed";

/** Path of the venv for one Gradio version. */
export function venvDir(version: string): string {
  return join(REPO_ROOT, ".venvs", `gradio-${version}`);
}

/** The venv's python executable. */
export function venvPython(version: string): string {
  return join(venvDir(version), "bin", "python");
}

/** Ensures the venv for `version` exists with `gradio==version` (and its PIP_EXTRAS) installed; returns its python. */
export async function ensureVenv(version: string, log: (line: string) => void = () => {}): Promise<string> {
  const dir = venvDir(version);
  const marker = join(dir, MARKER);
  const requirements = [`gradio==${version}`, ...(PIP_EXTRAS[version] ?? [])];
  const wanted = requirements.map((r) => `${r}\n`).join("");
  if (existsSync(marker) && (await readFile(marker, "utf8")) === wanted) return venvPython(version);

  const started = Date.now();
  await mkdir(join(REPO_ROOT, ".venvs"), { recursive: true });
  const systemPython = process.env["PYTHON"] ?? "python3";
  if (!existsSync(venvPython(version))) {
    log(`creating venv ${dir}`);
    await run(systemPython, ["-m", "venv", dir]);
  }
  log(`pip install ${requirements.join(" ")} (first run only)`);
  await run(venvPython(version), ["-m", "pip", "install", "--quiet", ...requirements]);
  await writeFile(marker, wanted);
  log(`venv ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return venvPython(version);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
