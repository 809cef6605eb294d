/**
 * The gate of a large module (generator/output/twins.ts): over FULL_CHECK_MAX_ENDPOINTS endpoints,
 * every line is parsed and the type-check covers one endpoint per class of twins. It must still
 * reject what the full check rejects wherever the generator could put it: an endpoint whose types
 * or layout differ from every other is checked itself, and a syntax error anywhere fails the parse.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/errors.js";
import { renderModule } from "../../generator/emit/render.js";
import { moduleView, type ModuleView } from "../../generator/emit/view-model.js";
import { generateFromSchema } from "../../generator/generate.js";
import type { RawSchema } from "../../generator/load/raw-schema.js";
import { buildModel } from "../../generator/model/build-model.js";
import { checkedView, FULL_CHECK_MAX_ENDPOINTS } from "../../generator/output/twins.js";
import { typecheckModule } from "../../generator/output/typecheck.js";
import { EXAMPLES_DIR } from "../support/paths.js";

type Snapshot = RawSchema & {
  config: { dependencies: Record<string, unknown>[] };
  info: { named_endpoints: Record<string, unknown> };
};

/** The text_tools snapshot (3 endpoints of different shapes) with each endpoint copied `times` times. */
function large(times: number): RawSchema {
  const base = JSON.parse(readFileSync(join(EXAMPLES_DIR, "text_tools", "schema.json"), "utf8")) as Snapshot;
  const dependencies: Record<string, unknown>[] = [];
  const named: Record<string, unknown> = {};
  for (let k = 0; k < times; k++)
    for (const dep of base.config.dependencies) {
      const key = `/${String(dep["api_name"])}`;
      if (!(key in base.info.named_endpoints)) continue;
      named[`${key}_${k}`] = base.info.named_endpoints[key];
      dependencies.push({ ...dep, id: dependencies.length, api_name: `${String(dep["api_name"])}_${k}` });
    }
  return {
    ...base,
    config: { ...base.config, dependencies },
    info: { ...base.info, named_endpoints: named },
  } as RawSchema;
}

const raw = large(Math.ceil((FULL_CHECK_MAX_ENDPOINTS + 1) / 3) + 1);
const view = moduleView(buildModel(raw), "0.0.0-test");

function gateError(text: string, parseOnly?: string): CodegenError {
  try {
    typecheckModule(text, "large.ts", parseOnly);
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error("the gate accepted a broken module");
}

/** `view` with endpoint `index` changed by `change`. */
const withEndpoint = (index: number, change: (e: ModuleView["endpoints"][number]) => object): ModuleView => ({
  ...view,
  endpoints: view.endpoints.map((e, i) => (i === index ? { ...e, ...change(e) } : e)),
});

describe("the gate of a large module", () => {
  it("checks one endpoint per class of twins (an endpoint with its own result alias is its own class)", () => {
    expect(view.endpoints.length).toBeGreaterThan(FULL_CHECK_MAX_ENDPOINTS);
    const stats = view.endpoints.filter((e) => e.name.startsWith("stats")).map((e) => e.name);
    expect(stats.length).toBe(view.endpoints.length / 3);
    expect(checkedView(view).endpoints.map((e) => e.name)).toEqual(["reverse0", "shout0", ...stats]);
    // Small modules are checked as they are.
    const small = { ...view, endpoints: view.endpoints.slice(0, FULL_CHECK_MAX_ENDPOINTS) };
    expect(checkedView(small)).toBe(small);
  });

  it("generates and passes the gate", async () => {
    const { text } = await generateFromSchema(raw, { typecheck: true });
    expect(text).toContain("export const stats101: Client");
  }, 60_000);

  it("checks an endpoint whose result type differs from its twins: a type error there fails", () => {
    const broken = withEndpoint(200, () => ({ returns: "Promise<NoSuchType>" }));
    expect(checkedView(broken).endpoints.map((e) => e.name)).toContain(view.endpoints[200]?.name);
    expect(gateError(renderModule(checkedView(broken))).message).toMatch(/Cannot find name 'NoSuchType'/);
  });

  it("checks an endpoint whose layout differs from its twins: a layout the runtime does not take fails", () => {
    const broken = withEndpoint(250, (e) => ({ spec: e.spec.replace(/\{.*$/s, '{ "params": [42] }') }));
    expect(gateError(renderModule(checkedView(broken))).message).toMatch(/Type 'number' is not assignable/);
  });

  it("parses every line: a syntax error in a twin that is not type-checked fails", () => {
    const reduced = renderModule(checkedView(view));
    const full = renderModule(view).replace("export const shout80:", "export const shout80 :: ");
    expect(full).toContain("shout80 ::");
    expect(gateError(reduced, full).message).toMatch(/large\.ts:\d+: /);
    expect(() => typecheckModule(reduced, "large.ts", renderModule(view))).not.toThrow();
  });

  it("checks in full when two endpoints share a name (never from the name table)", () => {
    const clash = withEndpoint(300, () => ({ name: view.endpoints[0]?.name, nameLiteral: '"reverse0"' }));
    expect(checkedView(clash)).toBe(clash);
  });
});
