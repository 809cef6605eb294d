/**
 * A stranger's project: both packages packed with `npm pack`, installed from their tarballs into a
 * fresh folder outside the repository (with Vite, as a front-end project would), the installed
 * CLI run on committed example snapshots, and one tsconfig per matrix entry.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES_DIR, REPO_ROOT } from "../support/paths.js";
import type { ConsumerConfig, Usage } from "./matrix.js";
import { must, npmInstall, npmPack, PINS, type TsVersion } from "./toolchain.js";

/** Examples generated in the project: files (whisper, file_tools), streaming (chatbot_stream), plain (calculator). */
export const EXAMPLES = ["calculator", "whisper", "chatbot_stream", "file_tools"] as const;

export interface ConsumerProject {
  readonly dir: string;
  readonly tarballs: { readonly root: string; readonly runtime: string };
  /** Output of each installed-CLI run, by example. */
  readonly cliOutput: Readonly<Record<string, string>>;
}

/** Packs both packages, installs them into a new temporary project and generates the examples. */
export async function createProject(): Promise<ConsumerProject> {
  for (const built of ["dist/generator/cli/main.js", "runtime/dist/index.js"]) {
    if (!existsSync(join(REPO_ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "gradio-codegen-consumer-"));
  const packs = join(dir, "packs");
  mkdirSync(packs);
  const [root, runtime] = await Promise.all([npmPack(REPO_ROOT, packs), npmPack(join(REPO_ROOT, "runtime"), packs)]);
  const tarballs = { root: join(packs, root), runtime: join(packs, runtime) };
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  await npmInstall(dir, [tarballs.runtime, tarballs.root, `vite@${PINS.vite}`]);
  // @types/node lives in a sub-folder: only tsconfigs under `types/` see it.
  mkdirSync(join(dir, "types"));
  writeFileSync(join(dir, "types", "package.json"), `{ "private": true, "type": "module" }\n`);
  await npmInstall(join(dir, "types"), [`@types/node@${PINS.typesNode}`]);
  mkdirSync(join(dir, "src"));
  const cli = join(dir, "node_modules", ".bin", "gradio-codegen");
  const cliOutput: Record<string, string> = {};
  for (const name of EXAMPLES) {
    cliOutput[name] = await must(cli, [join(EXAMPLES_DIR, name, "schema.json"), "-o", join("src", `${name}.ts`)], dir, {
      timeoutMs: 120_000,
    });
  }
  cpSync(join(REPO_ROOT, "test", "consumer", "fixtures"), join(dir, "src"), { recursive: true });
  return { dir, tarballs, cliOutput };
}

/** Writes the tsconfig of one matrix entry (one folder per entry and version); returns its path. */
export function writeConfig(
  project: ConsumerProject,
  config: ConsumerConfig,
  index: number,
  version: TsVersion,
): string {
  const folder = join(project.dir, config.dir === "types" ? "types" : "plain", `config-${index}-${version}`);
  mkdirSync(folder, { recursive: true });
  const files = [...EXAMPLES, ...usageFiles(config.usage, version)].map((name) => `../../src/${name}.ts`);
  const path = join(folder, "tsconfig.json");
  writeFileSync(path, `${JSON.stringify({ compilerOptions: config.compilerOptions, files }, null, 2)}\n`);
  return path;
}

/** `await using` needs TypeScript ≥ 5.2 and a lib with disposal; the matrix gives those only to ≥ 5.9. */
function usageFiles(usage: readonly Usage[], version: TsVersion): Usage[] {
  return usage.filter((u) => u !== "dispose" || version !== "5.0.4");
}
