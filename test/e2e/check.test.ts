/**
 * `--check` against real API changes: one app (test/apps/_drift_template.py) served in several
 * versions, each the result of one kind of source change. A module generated from the base
 * version is checked against each: classification, exit codes, and a readable report.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApps, type AppHost } from "../harness/app-host.js";
import { runCli } from "../support/cli.js";
import { workDir } from "../support/paths.js";

const VARIANTS = [
  "base",
  "param_default",
  "param_required",
  "endpoint_removed",
  "choice_removed",
  "choice_added",
  "renamed",
] as const;

describe("gradio-codegen --check against a changed app", () => {
  let host: AppHost;
  const dir = workDir("check");
  const module = join(dir, "drift.ts");
  const url = (variant: string) => host.url(`drift_${variant}`);

  beforeAll(async () => {
    host = await startApps({ python: inject("python"), apps: VARIANTS.map((v) => `drift_${v}=_drift_template:${v}`) });
    const generated = await runCli([url("base"), "-o", module]);
    expect(generated.code, generated.stderr).toBe(0);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it("the unchanged app is up to date (exit 0)", async () => {
    const result = await runCli([url("base"), "-o", module, "--check"]);
    expect(result.stdout).toContain("up to date");
    expect(result.code).toBe(0);
  });

  it.each([
    ["param_default", 3, [/compatible\s+\/predict\s+parameter added: extra \(optional, default 1\)/]],
    ["param_required", 4, [/BREAKING\s+\/predict\s+parameter added: extra \(required\)/]],
    ["endpoint_removed", 4, [/BREAKING\s+\/helper\s+endpoint removed: \/helper/]],
    ["choice_removed", 4, [/BREAKING\s+\/predict\s+parameter mode: choices removed: "b"/]],
    ["choice_added", 3, [/compatible\s+\/predict\s+parameter mode: choices added: "c"/]],
    ["renamed", 4, [/BREAKING\s+\/predict\s+endpoint renamed: \/predict → \/infer \(function predict → infer\)/]],
  ] as const)("%s → exit %i with the change named", async (variant, code, patterns) => {
    const result = await runCli([url(variant), "-o", module, "--check"]);
    for (const pattern of patterns) expect(result.stdout).toMatch(pattern);
    expect(result.stdout).toMatch(/Regenerate with: gradio-codegen/);
    expect(result.code).toBe(code);
    expect(readFileSync(module, "utf8")).not.toContain("infer"); // --check writes nothing
  });

  it("a module reformatted with other prettier options is still up to date", async () => {
    const copy = join(dir, "reformatted.ts");
    await runCli([url("base"), "-o", copy]);
    writeFileSync(
      copy,
      await format(readFileSync(copy, "utf8"), {
        parser: "typescript",
        printWidth: 60,
        singleQuote: true,
        semi: false,
        trailingComma: "none",
        arrowParens: "avoid",
      }),
    );
    const result = await runCli([url("base"), "-o", copy, "--check"]);
    expect(result.code).toBe(0);
  });

  it("an unreachable app is an error (1), distinct from a change", async () => {
    const result = await runCli(["http://127.0.0.1:9/", "-o", module, "--check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:9\/config failed/);
  });

  it("a missing or corrupted lock is an error (1) naming the file", async () => {
    const orphan = join(dir, "orphan.ts");
    writeFileSync(orphan, "export {};\n");
    const missing = await runCli([url("base"), "-o", orphan, "--check"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no lock file at .*orphan\.gradio-lock\.json/);
    writeFileSync(join(dir, "orphan.gradio-lock.json"), "{ not json");
    const corrupt = await runCli([url("base"), "-o", orphan, "--check"]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/lock file .*orphan\.gradio-lock\.json is corrupted/);
  });

  it("a config file with three apps, one stale → one summary naming it", async () => {
    const outputs = ["one", "two", "three"];
    for (const name of outputs) expect((await runCli([url("base"), "-o", join(dir, `${name}.ts`)])).code).toBe(0);
    const config = join(dir, "gradio-codegen.config.json");
    const sources = { one: url("base"), two: url("choice_removed"), three: url("base") };
    writeFileSync(
      config,
      JSON.stringify({
        concurrency: 2,
        apps: outputs.map((name) => ({ name, source: sources[name as keyof typeof sources], output: `${name}.ts` })),
      }),
    );
    const result = await runCli(["--config", config, "--check"]);
    expect(result.stdout).toMatch(/3 app\(s\): 2 up to date, 1 with BREAKING changes — needs attention: two/);
    expect(result.stdout).toMatch(/two\s+BREAKING changes/);
    // The config carries every option of the app: the way to regenerate is to run it again.
    expect(result.stdout).toContain(`Regenerate with: gradio-codegen --config ${config}\n`);
    expect(result.code).toBe(4);
    // -q: the summary only, not each app's report.
    const quiet = await runCli(["--config", config, "--check", "-q"]);
    expect(quiet.code).toBe(4);
    expect(quiet.stdout).toMatch(/^.*3 app\(s\): 2 up to date, 1 with BREAKING changes — needs attention: two\n/);
    expect(quiet.stdout).not.toContain("Regenerate with");
    expect(quiet.stderr).toBe("");
  });

  describe("the runtime's drift guard (module generated from the base version)", () => {
    type Drift = {
      connect(o: { baseUrl: string; verifySchema?: boolean }): {
        predict(t: string, m: string): Promise<string>;
        helper(t: string): Promise<string>;
        close(): Promise<void>;
      };
    };
    const drifted = async (variant: string, verifySchema = false) =>
      ((await import(module)) as Drift).connect({ baseUrl: url(variant), verifySchema });

    it("the unchanged app works", async () => {
      const client = await drifted("base", true);
      expect(await client.predict("x", "b")).toBe("x:b:None");
      await client.close();
    });

    it("a new required input → SCHEMA_DRIFT naming the layout change, not a server error", async () => {
      const client = await drifted("param_required");
      await expect(client.predict("x", "a")).rejects.toMatchObject({
        code: "SCHEMA_DRIFT",
        message: expect.stringMatching(/\/predict changed: inputs \(2 public\) → \(3 public\).*regenerate/),
      });
      await client.close();
    });

    it("a removed endpoint → SCHEMA_DRIFT saying so", async () => {
      const client = await drifted("endpoint_removed");
      await expect(client.helper("x")).rejects.toMatchObject({
        code: "SCHEMA_DRIFT",
        message: expect.stringMatching(/\/helper: the app has no endpoint of that name any more/),
      });
      await client.close();
    });

    it("with verifySchema a renamed endpoint is refused before anything runs", async () => {
      const client = await drifted("renamed", true);
      await expect(client.predict("x", "a")).rejects.toMatchObject({
        code: "SCHEMA_DRIFT",
        message: expect.stringMatching(
          /\/predict: the app has no endpoint of that name any more \(removed or renamed\)/,
        ),
      });
      await client.close();
    });
  });

  it("a config entry with an unknown key is a clear error naming the entry", async () => {
    const config = join(dir, "typo.config.json");
    writeFileSync(config, JSON.stringify({ apps: [{ name: "one", source: url("base"), outptu: "x.ts" }] }));
    const result = await runCli(["--config", config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/app one: unknown key "outptu".*at \/apps\/0\/outptu/);
  });
});
