/**
 * A module generated from a real Gradio 4.8 app (queue protocol `sse`, one stream per job,
 * docs/protocol.md §3.3) passes the runtime's legacySse feature — and only such a module does:
 * live 4.8 app (project `gradio-4.8`, test/harness/lines.ts) → CLI → strict type-check → calls
 * with real results.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { GRADIO_VERSIONS } from "../harness/gradio-versions.js";
import { runCli } from "../support/cli.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

interface LegacyModule {
  connect(): {
    echo(text: string): Promise<string>;
    counter(): Promise<number>;
    tokens(n: number): { result: Promise<string> };
    close(): Promise<void>;
  };
}

describe(`a module of a Gradio ${GRADIO_VERSIONS.v48} app (queue protocol "sse")`, () => {
  const dir = workDir("legacy-sse");
  const module = join(dir, "rt_legacy_sse.ts");

  beforeAll(async () => {
    expect(inject("gradioVersion")).toBe(GRADIO_VERSIONS.v48);
    const url = inject("apps")["rt_legacy_sse"];
    if (!url) throw new Error("test app rt_legacy_sse is not running");
    const result = await runCli([url, "-o", module], { env: { GRADIO_AUTH: "" } });
    expect(result.code, result.stderr).toBe(0);
  }, 120_000);

  it("passes legacySse: withLegacySse (and no login) to createAppClient", () => {
    const text = readFileSync(module, "utf8");
    expect(text).toContain('protocol: "sse"');
    expect(text).toMatch(/createAppClient\(app, options, features\)/);
    expect(text).toMatch(/\nconst features = \{[^}]*legacySse: withLegacySse[^}]*\};/);
    expect(text).not.toContain("withLogin");
  });

  it("type-checks strictly and calls the live 4.8 app: a plain call, State per client, a generator's result", async () => {
    expect(typecheckFiles([module])).toEqual([]);
    const client = ((await import(module)) as LegacyModule).connect();
    expect(await client.echo("old protocol")).toBe("old protocol");
    expect(await client.counter()).toBe(1);
    expect(await client.counter()).toBe(2);
    expect(await client.tokens(3).result).toBe("t0 t1 t2");
    await client.close();
  }, 120_000);

  it("modules of newer apps (sse_v3) do not carry it", () => {
    const current = readFileSync(join(EXAMPLES_DIR, "calculator", "calculator.ts"), "utf8");
    expect(current).toContain('protocol: "sse_v3"');
    expect(current).not.toContain("withLegacySse");
  });
});
