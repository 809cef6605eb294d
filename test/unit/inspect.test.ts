/**
 * `inspect` offline: on every committed example and every shared schema fixture it describes the
 * same model the generator emits (the surface and hash of the example's lock, the signatures of
 * its module), in all three formats; text respects the width; schema text cannot inject terminal
 * escapes or break a Markdown table.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchema } from "../../generator/load/index.js";
import { inspectSchema, renderInspect } from "../../generator/inspect/inspect.js";
import { INSPECT_FORMAT } from "../../generator/inspect/inspect-surface.js";
import { runCli } from "../support/cli.js";

const EXAMPLES = "generated-examples";
const FIXTURES = "/work/shared/fixtures";
const examples = readdirSync(EXAMPLES)
  .filter((name) => existsSync(join(EXAMPLES, name, "schema.json")))
  .sort();
const fixtures = ["info", "config", "info-jsclient"].flatMap((dir) =>
  existsSync(join(FIXTURES, dir))
    ? readdirSync(join(FIXTURES, dir))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(FIXTURES, dir, f))
    : [],
);

interface Lock {
  readonly schemaHash: string;
  readonly options: { readonly allEndpoints: boolean };
  readonly surface: { readonly endpoints: readonly Record<string, unknown>[] };
}

const SURFACE_KEYS = ["apiName", "functionName", "fnIndex", "streaming", "inputs", "outputs"] as const;

describe("inspect on the committed examples (offline)", () => {
  it("found the examples", () => expect(examples.length).toBeGreaterThanOrEqual(9));

  it.each(examples)("%s: the lock's surface and hash, the module's signatures, in every format", async (name) => {
    const lock = JSON.parse(readFileSync(join(EXAMPLES, name, `${name}.gradio-lock.json`), "utf8")) as Lock;
    // prettier breaks long signatures (with a trailing comma): undo that to compare.
    const module = readFileSync(join(EXAMPLES, name, `${name}.ts`), "utf8")
      .replace(/\s+/g, " ")
      .replace(/\( /g, "(")
      .replace(/, \)/g, ")");
    const doc = inspectSchema(await loadSchema(join(EXAMPLES, name, "schema.json")), {
      allEndpoints: lock.options.allEndpoints,
    });
    expect(doc.format).toBe(INSPECT_FORMAT);
    expect(doc.schemaHash).toBe(lock.schemaHash);
    expect(doc.endpoints).toHaveLength(lock.surface.endpoints.length);
    doc.endpoints.forEach((endpoint, i) => {
      const locked = lock.surface.endpoints[i] ?? {};
      for (const key of SURFACE_KEYS) expect(endpoint[key]).toEqual(locked[key]);
      // Parameters and results carry the lock's fields unchanged (and more).
      expect(endpoint.parameters).toMatchObject(locked["parameters"] as object[]);
      expect(endpoint.returns).toMatchObject(locked["returns"] as object[]);
      // The signature is the module's own (prettier may break lines; whitespace is normalised).
      const [head = "", result = ""] = endpoint.signature.split("): ");
      expect(module).toContain(head.replace(/\s+/g, " "));
      expect(module).toContain(result);
    });
    const json: unknown = JSON.parse(await renderInspect(doc, "json"));
    expect(json).toEqual(JSON.parse(JSON.stringify(doc)));
    const text = await renderInspect(doc, "text", { width: 72 });
    for (const endpoint of doc.endpoints) expect(text).toContain(endpoint.signature);
    for (const line of text.split("\n"))
      if (!doc.endpoints.some((e) => e.signature === line)) expect(line.length).toBeLessThanOrEqual(72);
    const markdown = await renderInspect(doc, "markdown", { moduleName: name });
    expect(markdown).toMatch(/^# API of `[^`]+`\n/);
    for (const endpoint of doc.endpoints) expect(markdown).toContain(`## \`${endpoint.functionName}\``);
  });

  it("choices, defaults and streaming are reported as the module types them", async () => {
    const doc = inspectSchema(await loadSchema(join(EXAMPLES, "country_picker", "schema.json")));
    const capital = doc.endpoints.find((e) => e.functionName === "capital");
    expect(capital?.parameters.map((p) => [p.name, p.optional, p.default, p.choices?.length ?? null])).toEqual([
      ["country", true, "France", 57],
      ["style", true, "normal", 2],
    ]);
    const describeCity = doc.endpoints
      .find((e) => e.functionName === "describe")
      ?.parameters.find((p) => p.name === "city");
    expect(describeCity).toMatchObject({ choices: ["Paris", "Rome"], customValues: true });
    const chat = inspectSchema(await loadSchema(join(EXAMPLES, "chatbot_stream", "schema.json")));
    expect(chat.endpoints[0]).toMatchObject({
      streaming: true,
      signature: expect.stringMatching(/\): JobStream<RespondResult>$/),
    });
  });
});

describe("inspect on every shared fixture (offline)", () => {
  it("found the fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(30));

  it.each(fixtures)("%s", async (path) => {
    if (path.includes("info-jsclient")) {
      // Not a schema the generator accepts (view_api() output): inspect refuses it with the generator's own error.
      await expect(loadSchema(path)).rejects.toMatchObject({ code: "INVALID_SCHEMA" });
      const cli = await runCli(["inspect", path]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/^gradio-codegen: .*view_api\(\)/);
      return;
    }
    for (const allEndpoints of [false, true]) {
      const doc = inspectSchema(await loadSchema(path), { allEndpoints });
      if (!allEndpoints) expect(doc.hiddenEndpoints).toBeGreaterThanOrEqual(0);
      for (const format of ["text", "markdown", "json"] as const) {
        const out = await renderInspect(doc, format, { width: 80 });
        expect(out.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex
        if (format !== "json") expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }
    }
  });
});

describe("inspect of hostile schema text", () => {
  it("strips terminal escapes and keeps Markdown tables whole", async () => {
    const snapshot = JSON.parse(readFileSync(join(EXAMPLES, "calculator", "schema.json"), "utf8")) as {
      info: { named_endpoints: Record<string, { parameters: { label: string; description?: string }[] }> };
    };
    const param = snapshot.info.named_endpoints["/predict"]?.parameters[0];
    if (!param) throw new Error("calculator schema changed");
    param.label = "num1 \u001b[31mRED\u001b[0m | pipe <b>";
    param.description = "line one\nline two \u009b2J";
    const doc = inspectSchema({
      ...snapshot,
      source: "hostile",
      baseUrl: null,
      spaceId: null,
      config: null,
    } as unknown as Parameters<typeof inspectSchema>[0]);
    const text = await renderInspect(doc, "text", { width: 80 });
    const markdown = await renderInspect(doc, "markdown");
    // eslint-disable-next-line no-control-regex
    for (const out of [text, markdown]) expect(out).not.toMatch(/[\u001b\u009b]/);
    expect(text).toContain('"num1 [31mRED [0m | pipe <b>"');
    const row = markdown.split("\n").find((line) => line.startsWith("| `num1`")) ?? "";
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7); // 5 cells, pipes in the label escaped
    expect(row).toContain("pipe &lt;b&gt;");
  });
});

describe("gradio-codegen inspect (CLI)", () => {
  it("prints the API of a schema file, and unnamed endpoints only with --all-endpoints", async () => {
    const fixture = join(FIXTURES, "info", "hello_world_with_state_and_accordion__gradio-4.21.json");
    const plain = await runCli(["inspect", "generated-examples/calculator/schema.json", "--width", "80"]);
    expect(plain).toMatchObject({ code: 0, stderr: "" });
    expect(plain.stdout).toContain(
      "predict(num1: number, operation: Operation, num2: number, options?: CallOptions): Promise<number>",
    );
    const json = await runCli(["inspect", fixture, "--format", "json"]);
    const all = await runCli(["inspect", fixture, "--format", "json", "--all-endpoints"]);
    const [few, many] = [json, all].map(
      (r) => JSON.parse(r.stdout) as { endpoints: unknown[]; hiddenEndpoints: number },
    );
    expect(many?.endpoints.length).toBe((few?.endpoints.length ?? 0) + (few?.hiddenEndpoints ?? 0));
    const bad = await runCli(["inspect", "generated-examples/nope.json"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^gradio-codegen: .*nope\.json/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(["inspect", "x.json", "--format", "yaml"])).code).toBe(2);
  });
});
