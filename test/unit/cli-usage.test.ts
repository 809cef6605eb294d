/**
 * The command line's own manners, offline (a committed schema, the built CLI): -h/-v, what -o
 * accepts, and the one-line hint when the module's folder cannot resolve the runtime.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";

const schema = join(EXAMPLES_DIR, "calculator", "schema.json");
const inRepo = workDir("cli-usage");
const outside = mkdtempSync(join(tmpdir(), "gradio-codegen-cli-usage-"));
afterAll(() => {
  rmSync(inRepo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("gradio-codegen usage", () => {
  it("-h prints the help, which names every accepted source form", async () => {
    const result = await runCli(["-h"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--output/);
    for (const form of [
      "?view=api",
      "Use via API",
      "/gradio_api/info",
      "huggingface.co/spaces/owner/name",
      "owner-name.hf.space",
      "host:port",
      "bare /config",
      "@gradio-codegen/runtime",
    ]) {
      expect(result.stdout.replace(/\s+/g, " ")).toContain(form.replace(/\s+/g, " "));
    }
  });

  it("-v prints the version", async () => {
    const result = await runCli(["-v"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("-o naming an existing folder fails clearly and writes nothing", async () => {
    const folder = join(inRepo, "clients");
    mkdirSync(folder);
    const result = await runCli([schema, "-o", folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--output ${folder} is a folder; name the module's file, e.g. ${join(folder, "app.ts")}`,
    );
    expect(existsSync(join(folder, "app.ts"))).toBe(false);
  });

  it.each(["app.js", "app.mjs", "app.d.ts", "app"])("-o %s fails clearly: the module is TypeScript", async (name) => {
    const result = await runCli([schema, "-o", join(inRepo, name)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/writes a TypeScript module; give it a \.ts \(or \.mts\) name/);
    expect(existsSync(join(inRepo, name))).toBe(false);
  });

  it("writes quietly where the runtime resolves, and names the install command where it does not", async () => {
    const here = await runCli([schema, "-o", join(inRepo, "calculator.ts"), "--no-typecheck"]);
    expect(here.code).toBe(0);
    expect(here.stderr).not.toContain("npm i");
    const there = await runCli([schema, "-o", join(outside, "calculator.ts"), "--no-typecheck"]);
    expect(there.code).toBe(0);
    expect(there.stderr).toMatch(
      /^note: .*calculator\.ts imports @gradio-codegen\/runtime, which is not installed where it can be found; install it in that project: npm i @gradio-codegen\/runtime@\d+\.\d+\.\d+\n$/m,
    );
    const quiet = await runCli([schema, "-o", join(outside, "quiet.ts"), "-q", "--no-typecheck"]);
    expect(quiet.stderr).toBe("");
  }, 180_000);
});
