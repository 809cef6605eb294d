/**
 * Issue 11's consumer test: what a stranger gets from the published packages. Packs both,
 * installs the tarballs into a fresh project outside the repository, runs the installed CLI,
 * compiles the generated modules with the project's own tsconfig across the matrix (matrix.ts;
 * TypeScript 5.0 – 7.x; never skipLibCheck), runs one compiled module with plain `node` against
 * live test apps, bundles one for the browser with esbuild and with Vite (no Node built-ins may
 * end up in the bundle), and lints both tarballs with attw and publint.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl } from "../runtime/helpers.js";
import { EXAMPLES_DIR, WAV_FIXTURE } from "../support/paths.js";
import { CONFIGS } from "./matrix.js";
import { createProject, EXAMPLES, writeConfig, type ConsumerProject } from "./project.js";
import { linters, must, pool, run, tscOf, TYPESCRIPT_VERSIONS } from "./toolchain.js";

let project: ConsumerProject;

beforeAll(async () => {
  project = await createProject();
}, 900_000);

afterAll(() => {
  if (project) rmSync(project.dir, { recursive: true, force: true });
});

describe("a stranger's project with the packed packages", () => {
  it("installs both tarballs without @types/node and runs the installed CLI quietly", () => {
    const installed = readdirSync(join(project.dir, "node_modules"));
    expect(installed).toContain("gradio-codegen");
    expect(readdirSync(join(project.dir, "node_modules", "@gradio-codegen"))).toEqual(["runtime"]);
    // The "no @types/node" configs mean it: nothing in the project installs it.
    expect(existsSync(join(project.dir, "node_modules", "@types", "node"))).toBe(false);
    expect(existsSync(join(project.dir, "types", "node_modules", "@types", "node"))).toBe(true);
    for (const name of EXAMPLES)
      expect(readFileSync(join(project.dir, "src", `${name}.ts`), "utf8")).toContain(`from "@gradio-codegen/runtime"`);
    // The runtime resolves from the output's folder: no install hint.
    for (const output of Object.values(project.cliOutput)) expect(output).not.toContain("npm i");
  });

  it("says how to install the runtime when the output's folder cannot resolve it", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "gradio-codegen-elsewhere-"));
    try {
      const output = await must(
        join(project.dir, "node_modules", ".bin", "gradio-codegen"),
        [join(EXAMPLES_DIR, "calculator", "schema.json"), "-o", join(elsewhere, "calculator.ts")],
        project.dir,
      );
      const version = (
        JSON.parse(
          readFileSync(join(project.dir, "node_modules", "@gradio-codegen", "runtime", "package.json"), "utf8"),
        ) as { version: string }
      ).version;
      expect(output).toContain(`npm i @gradio-codegen/runtime@${version}\n`);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("compiles in every tsconfig of the matrix with TypeScript 5.0 – 7.x, no skipLibCheck", async () => {
    const jobs = CONFIGS.flatMap((config, index) =>
      TYPESCRIPT_VERSIONS.filter(
        (v) => TYPESCRIPT_VERSIONS.indexOf(v) >= TYPESCRIPT_VERSIONS.indexOf(config.minVersion ?? "5.0.4"),
      ).map((version) => async () => {
        const tsconfig = writeConfig(project, config, index, version);
        const started = performance.now();
        const result = await run(process.execPath, [await tscOf(version), "-p", tsconfig], project.dir, {
          timeoutMs: 300_000,
        });
        const seconds = (performance.now() - started) / 1000;
        return {
          name: `${config.name} / TypeScript ${version}`,
          ok: result.code === 0,
          seconds,
          output: result.output.trim(),
        };
      }),
    );
    // Install every compiler first (sequentially: npm shares one cache), then compile in parallel (tsc is single-threaded).
    for (const version of TYPESCRIPT_VERSIONS) await tscOf(version);
    const results = await pool(jobs, Math.min(4, Math.max(2, availableParallelism())));
    process.stdout.write(
      `consumer matrix:\n${results.map((r) => `  ${r.ok ? "ok  " : "FAIL"} ${r.seconds.toFixed(1).padStart(5)} s  ${r.name}`).join("\n")}\n`,
    );
    const failures = results.filter((r) => !r.ok).map((r) => `${r.name}:\n${r.output}`);
    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(25);
  }, 900_000);

  it("runs a compiled module with plain node against live apps, and the process exits by itself", async () => {
    const out = join(project.dir, "out");
    const tsconfig = join(project.dir, "types", "emit", "tsconfig.json");
    mkdirSync(join(project.dir, "types", "emit"), { recursive: true });
    const compilerOptions = {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      types: ["node"],
      rootDir: "../../src",
      outDir: "../../out",
    };
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files: ["../../src/run-node.ts"] }));
    await must(process.execPath, [await tscOf("6.0.3"), "-p", tsconfig], project.dir);
    const output = await must(
      process.execPath,
      [join(out, "run-node.js"), appUrl("calculator"), appUrl("whisper_like"), WAV_FIXTURE],
      project.dir,
      { timeoutMs: 60_000 },
    );
    expect(JSON.parse(output)).toEqual({
      sum: 5,
      text: "1.50 seconds of audio at 16000 Hz, 1 channel(s)",
      saveFile: "function",
    });
  }, 300_000);

  it("bundles for the browser with esbuild: the universal entry, no Node built-ins", async () => {
    const result = await build({
      absWorkingDir: project.dir,
      entryPoints: ["src/browser.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("node_modules/@gradio-codegen/runtime/dist/index.js");
    expect(inputs.filter((i) => i.startsWith("node:") || i.endsWith("runtime/dist/node.js"))).toEqual([]);
    const code = result.outputFiles.map((f) => f.text).join("\n");
    expect(code).toContain("queue/join");
    expect(code).not.toMatch(/["']node:|openAsBlob/);
  });

  it("bundles for the browser with Vite: no Node built-ins externalized", async () => {
    writeFileSync(
      join(project.dir, "index.html"),
      `<!doctype html><button>go</button><script type="module" src="/src/browser.ts"></script>\n`,
    );
    const output = await must(
      join(project.dir, "node_modules", ".bin", "vite"),
      ["build", "--outDir", "vite-dist", "--logLevel", "warn"],
      project.dir,
      { timeoutMs: 180_000 },
    );
    expect(output).not.toMatch(/externalized for browser compatibility/);
    const assets = join(project.dir, "vite-dist", "assets");
    const code = readdirSync(assets)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(assets, f), "utf8"))
      .join("\n");
    expect(code).toContain("queue/join");
    expect(code).not.toMatch(/["']node:|openAsBlob/);
  }, 300_000);

  it("passes attw (node16 from ESM, bundler) and publint for both tarballs", async () => {
    const { attw, publint } = await linters();
    const report = JSON.parse(
      await must(attw, [project.tarballs.runtime, "--profile", "esm-only", "--format", "json"], project.dir),
    ) as { problems: Record<string, { resolutionKind: string }[]> };
    const problems = Object.entries(report.problems).flatMap(([kind, list]) =>
      list.map((p) => `${kind} (${p.resolutionKind})`),
    );
    // ESM only: node10 resolves nothing, a CommonJS `require` needs Node's require(esm) (README "Use it in your project").
    expect(problems.filter((p) => !p.endsWith("(node10)") && p !== "CJSResolvesToESM (node16-cjs)")).toEqual([]);
    // The CLI package has no import entry point, so no types to check.
    expect(await must(attw, [project.tarballs.root, "--profile", "esm-only"], project.dir)).toContain(
      "does not contain types",
    );
    for (const tarball of [project.tarballs.root, project.tarballs.runtime]) {
      const lint = await run(publint, ["run", tarball, "--level", "suggestion"], project.dir);
      expect(lint.output, lint.output).toContain("All good!");
      expect(lint.code).toBe(0);
    }
  }, 300_000);
});
