/**
 * The generated module's shape against real Gradio 6 apps: named arguments and `undefined` for
 * defaulted parameters, `configure()` of the shared client, names with meaning to JavaScript
 * (`then` must not make a module or a client thenable), call order independent of which
 * endpoints have a baked-in fn_index, and a 24-input Interface whose module compiles strictly.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, type EndpointSpec } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint } from "../runtime/helpers.js";
import { runCli } from "../support/cli.js";
import { workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

type Predict = (...args: unknown[]) => Promise<unknown>;
interface DefaultParams {
  predict: Predict;
  configure(options: { baseUrl?: string }): void;
  connect(options?: { baseUrl?: string }): { predict: Predict; close(): Promise<void> };
}

describe("generated module shape (live Gradio 6)", () => {
  const dir = workDir("module-shape");
  const modules: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ["default_params", "js_names", "kitchen_sink_defaults"]) {
      const file = join(dir, `${name}.ts`);
      const result = await runCli([`${appUrl(name)}/`, "-o", file]);
      expect(result.code, result.stderr).toBe(0);
      modules[name] = file;
    }
  }, 120_000);

  it("modules and a usage file of every call form compile with tsc --strict (no skipLibCheck)", () => {
    const usage = join(dir, "usage.ts");
    writeFileSync(
      usage,
      [
        `import { GradioUpdate, withUpdates } from "@gradio-codegen/runtime";`,
        `import { predict, connect } from "./default_params.js";`,
        `import { predict as sink } from "./kitchen_sink_defaults.js";`,
        `export async function calls(): Promise<number[]> {`,
        `  const client = connect();`,
        `  const a: number = await predict({ num2: 10 });`,
        `  const b: number = await predict(undefined, undefined, 10, { timeout: 5000 });`,
        `  const c: number = await client.predict({ num1: 1, operation: "multiply", num2: 10 }, { timeout: 5000 });`,
        `  const d: string = await sink();`,
        `  // withUpdates keeps both call forms (named, positional); each result may be an update`,
        `  const e = await withUpdates(predict)({ num2: 10 });`,
        `  const f = await withUpdates(client.predict)(undefined, "add", 10, { timeout: 5000 });`,
        `  const g: number | undefined = e instanceof GradioUpdate ? e.props.maximum : e;`,
        `  // @ts-expect-error an update is not a number`,
        `  const h: number = f;`,
        `  // @ts-expect-error withUpdates keeps the parameter types`,
        `  await withUpdates(predict)({ num2: "10" });`,
        `  // @ts-expect-error num2 has no default`,
        `  await predict({ num1: 1 });`,
        `  // @ts-expect-error not one of the choices`,
        `  await predict({ operation: "power", num2: 1 });`,
        `  // @ts-expect-error the runtime's own hooks are not client options`,
        `  connect({ needsConfig: true });`,
        `  // @ts-expect-error a client has no signal of its own (calls do)`,
        `  connect({ signal: new AbortController().signal });`,
        `  return [a, b, c, d.length, g ?? 0, typeof h === "number" ? h : 0];`,
        `}`,
      ].join("\n"),
    );
    expect(typecheckFiles([...Object.values(modules), usage])).toEqual([]);
  });

  it("named arguments leave defaulted parameters out; undefined positions send their defaults", async () => {
    const mod = (await import(modules["default_params"] as string)) as DefaultParams;
    expect(await mod.predict({ num2: 10 })).toBe(20);
    expect(await mod.predict(undefined, undefined, 10)).toBe(20);
    expect(await mod.predict({ num1: 3, operation: "multiply", num2: 10 })).toBe(30);
    expect(await mod.predict(3, "subtract", 10, { timeout: 30_000 })).toBe(-7);
  });

  it("configure(): later calls use the new options, a call already running finishes on the old client", async () => {
    const mod = (await import(`${modules["default_params"] as string}?configure`)) as DefaultParams;
    const running = mod.predict({ num2: 1 });
    mod.configure({ baseUrl: "http://127.0.0.1:9/nothing-listens-here" });
    expect(await running).toBe(11);
    await expect(mod.predict({ num2: 1 })).rejects.toMatchObject({ code: "NETWORK" });
    mod.configure({ baseUrl: appUrl("default_params") });
    expect(await mod.predict({ num2: 2 })).toBe(12);
  });

  it("an endpoint named /then makes neither the module nor a client thenable", async () => {
    const mod = (await import(modules["js_names"] as string)) as Record<string, unknown> & {
      connect(): Record<string, Predict> & { close(): Promise<void> };
    };
    expect("then" in mod).toBe(false);
    expect(
      Object.keys(mod).filter((k) => ["then", "toJSON", "constructor", "__proto__", "prototype"].includes(k)),
    ).toEqual([]);
    const client = await mod.connect();
    try {
      expect("then" in client).toBe(false);
      expect(typeof client["close"]).toBe("function");
      expect(await client["then2"]?.("a")).toBe("then:a");
      expect(await client["toJson"]?.("b")).toBe("toJSON:b");
      expect(await client["constructor_"]?.("c")).toBe("constructor:c");
      expect(await client["close2"]?.("d")).toBe("close:d");
    } finally {
      await client.close();
    }
  });

  it("call order does not matter: an endpoint looked up by name works after one with a baked-in fn_index, and before", async () => {
    const config = (await (await fetch(`${appUrl("js_names")}/config`)).json()) as {
      dependencies: { id: number; api_name: string }[];
    };
    const fnIndex = (name: string) => config.dependencies.find((d) => d.api_name === name)?.id ?? -1;
    const baked = (name: string): EndpointSpec => ({ ...endpoint(name), fnIndex: fnIndex(name) });
    for (const order of [
      ["echo", "then"],
      ["then", "echo"],
    ] as const) {
      await using client = createClient(appSpec("js_names"));
      // biome-ignore lint/suspicious/noThenProperty: the endpoint is named /then on purpose (a JS-meaningful name)
      const specs: Record<string, EndpointSpec> = { echo: baked("echo"), then: endpoint("then") };
      for (const name of order) expect(await client.call(specs[name] as EndpointSpec, ["x"])).toEqual([`${name}:x`]);
    }
  });
});
