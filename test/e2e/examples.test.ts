/**
 * generated-examples/: each folder pairs a schema snapshot of a live test app, the module
 * generated from it, and a hand-written usage file. Checks that regeneration is offline and
 * byte-identical (CI fails on stale examples), that everything type-checks strictly (including
 * the usage files' @ts-expect-error lines), that the snapshots still match the live apps, and
 * that the usage files work against them. GRADIO_CODEGEN_REFRESH_EXAMPLES=1 re-captures snapshots.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkModule } from "../../generator/check/check.js";
import { lockPath, lockText, makeLock } from "../../generator/check/lock.js";
import { generate, generateFromSchema } from "../../generator/generate.js";
import { loadSchema, toSnapshot } from "../../generator/load/index.js";
import { EXAMPLES_DIR } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

const apps = inject("apps");
const CANONICAL_ORIGIN = "http://127.0.0.1:7860";
const { examples } = JSON.parse(readFileSync(join(EXAMPLES_DIR, "examples.json"), "utf8")) as {
  examples: { name: string; app: string }[];
};
const refresh = process.env["GRADIO_CODEGEN_REFRESH_EXAMPLES"] === "1";

/** Live schema with the ephemeral test port replaced by a stable origin. */
async function liveSnapshotText(app: string): Promise<string> {
  const url = apps[app] as string;
  const snapshot = toSnapshot(await loadSchema(url));
  const text = `${JSON.stringify(snapshot, null, 2)}\n`;
  return text.split(new URL(url).origin).join(CANONICAL_ORIGIN);
}

describe.each(examples)("example $name", ({ name, app }) => {
  const folder = join(EXAMPLES_DIR, name);
  const schemaFile = join(folder, "schema.json");
  const moduleFile = join(folder, `${name}.ts`);

  it.runIf(refresh)("refreshes its snapshot from the live app", async () => {
    writeFileSync(schemaFile, await liveSnapshotText(app));
  });

  it.skipIf(refresh)(
    "regenerates offline, byte-identical to the committed module and lock; --check says up to date",
    async () => {
      const first = await generate(schemaFile);
      const second = await generate(schemaFile);
      expect(second.text).toBe(first.text);
      expect(first.text).toBe(readFileSync(moduleFile, "utf8"));
      expect(lockText(makeLock(first, { allEndpoints: false }))).toBe(readFileSync(lockPath(moduleFile), "utf8"));
      expect((await checkModule(first, moduleFile)).exitCode).toBe(0);
    },
  );

  it.skipIf(refresh)("its snapshot still matches the live app", async () => {
    const live = JSON.parse(await liveSnapshotText(app)) as Record<string, unknown>;
    const committed = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
    const liveModule = await generateFromSchema(live as never, { typecheck: false });
    expect(liveModule.text).toBe(readFileSync(moduleFile, "utf8"));
    expect(live["info"]).toEqual(committed["info"]);
  });

  it.skipIf(refresh)("module and usage file type-check strictly (misuse lines are errors)", () => {
    expect(typecheckFiles([moduleFile, join(folder, "usage.ts")])).toEqual([]);
  });

  it.skipIf(refresh)("the usage file's demo works against the live app", async () => {
    const usage = (await import(join(folder, "usage.ts"))) as {
      demo(baseUrl: string): Promise<unknown>;
      expected: unknown;
    };
    expect(await usage.demo(apps[app] as string)).toEqual(usage.expected);
  });
});
