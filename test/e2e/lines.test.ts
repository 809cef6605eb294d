/**
 * The generator against an older Gradio line (projects gradio-5 and gradio-4): every example app's
 * module is generated from the old server's own /config + /info (4.x: no api_prefix, show_api,
 * sse_v3 since 4.22), compiles strictly, and — where the app's API is the same on every line —
 * the example's hand-written usage file, placed next to the regenerated module, type-checks
 * (its @ts-expect-error lines included) and its demo gives the same result as on 6.x.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { majorOf } from "../harness/lines.js";
import { EXAMPLES_DIR, REPO_ROOT, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

const apps = inject("apps");
const version = inject("gradioVersion");
const oldLine = majorOf(version) < 6;
const { examples } = JSON.parse(readFileSync(join(EXAMPLES_DIR, "examples.json"), "utf8")) as {
  examples: { name: string; app: string }[];
};

/** Examples whose usage file cannot apply to this line, and why (the module is still generated and compiled). */
const USAGE_DIFFERS: Readonly<Record<string, string | undefined>> = {
  translator:
    "4.x/5.x name a gr.Interface endpoint /predict, 6.x after the function (/translate); test/e2e/slice.test.ts calls it as predict()",
  chatbot_stream:
    "4.x/5.x messages carry `content` as a string or file, 6.x as typed parts ({type: 'text', text}), which the usage file reads",
  whisper:
    majorOf(version) < 5
      ? "4.x's Audio decodes every upload with pydub, which needs ffprobe (not installed here) for a file without a .wav name, as the usage file's bytes and Blob are; test/e2e/slice.test.ts uploads the WAV from a path on 4.x"
      : undefined,
};

describe.skipIf(!oldLine)(`generated from the Gradio ${version} servers themselves (6.x: see examples.test.ts)`, () => {
  const dir = workDir(`lines-${version}`);
  const modules = new Map<string, string>();
  const usages = new Map<string, string>();
  const fixtures = pathToFileURL(join(REPO_ROOT, "test", "fixtures")).href;

  beforeAll(async () => {
    for (const { name, app } of examples) {
      const url = apps[app];
      if (!url) throw new Error(`test app ${app} is not running on ${version}`);
      const { text } = await generate(url);
      // Each module next to a copy of its usage file, which imports "./<name>.js".
      const folder = join(dir, name);
      mkdirSync(folder, { recursive: true });
      modules.set(name, join(folder, `${name}.ts`));
      writeFileSync(join(folder, `${name}.ts`), text);
      if (USAGE_DIFFERS[name] !== undefined) continue;
      const usage = readFileSync(join(EXAMPLES_DIR, name, "usage.ts"), "utf8").replaceAll(
        '"../../test/fixtures/',
        `"${fixtures}/`,
      );
      usages.set(name, join(folder, "usage.ts"));
      writeFileSync(join(folder, "usage.ts"), usage);
    }
  }, 120_000);

  it("the facts baked in come from the old server (version, protocol, api prefix)", () => {
    const text = readFileSync(modules.get("calculator") as string, "utf8");
    expect(text).toContain(JSON.stringify(version));
    expect(text).toContain('"sse_v3"');
    expect(text).toMatch(majorOf(version) >= 5 ? /apiPrefix: "\/gradio_api"/ : /apiPrefix: ""/);
  });

  it("every example module compiles strictly, and so do the usage files that apply (misuse lines are errors)", () => {
    expect(typecheckFiles([...modules.values(), ...usages.values()])).toEqual([]);
  });

  it("an endpoint hidden from the API (show_api=False on 4.x/5.x) is not in the module", () => {
    const text = readFileSync(modules.get("text_tools") as string, "utf8");
    expect(text).toMatch(/bind\w*\(\s*"reverse",/);
    expect(text).not.toMatch(/bind\w*\(\s*"internal",/);
  });

  describe.each(examples)("example $name", ({ name, app }) => {
    const reason = USAGE_DIFFERS[name];
    it.skipIf(reason !== undefined)(`the usage file's demo works${reason ? ` — skipped: ${reason}` : ""}`, async () => {
      const { demo, expected } = (await import(usages.get(name) as string)) as {
        demo(baseUrl: string): Promise<unknown>;
        expected: unknown;
      };
      expect(await demo(apps[app] as string)).toEqual(expected);
    });
  });
});
