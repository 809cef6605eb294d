/**
 * The import rules between folders (ARCHITECTURE.md): the pipeline flows load → model → emit →
 * output; the runtime is standalone and its universal entry loads no Node module; templates
 * hold no logic beyond each/if/partials.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(REPO_ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), "utf8");
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms),
    ...text.matchAll(/import\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1] as string);
}

/** `generator/model/x.ts` importing `../load/raw-schema.js` → `generator/load/raw-schema.js`. */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? relative(REPO_ROOT, join(REPO_ROOT, file, "..", spec)) : spec;
}

function violations(dir: string, rule: (file: string, imported: string) => string | null): string[] {
  return sources(dir).flatMap((file) =>
    imports(file).flatMap((spec) => {
      const why = rule(file, target(file, spec));
      return why ? [`${file} imports ${spec}: ${why}`] : [];
    }),
  );
}

describe("architecture", () => {
  it("the runtime imports nothing outside itself, and Node modules only in its Node entry", () => {
    const nodeEntry = (file: string) => file === "runtime/src/node.ts" || file.startsWith("runtime/src/node/");
    expect(
      violations("runtime/src", (file, imported) => {
        if (imported.startsWith("runtime/src/"))
          return file.startsWith("runtime/src/node") || !imported.startsWith("runtime/src/node")
            ? null
            : "the universal entry must not reach the Node entry";
        if (imported.startsWith("node:")) return nodeEntry(file) ? null : "Node-only modules belong in the Node entry";
        return "the runtime has no dependencies";
      }),
    ).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "runtime", "package.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(manifest["dependencies"] ?? {}).toEqual({});
    expect(manifest["peerDependenciesMeta"]).toEqual({ undici: { optional: true } });
  });

  it("the optional proxy peer (undici) is required on demand, where bundlers do not follow it", () => {
    const text = readFileSync(join(REPO_ROOT, "runtime/src/node/proxy.ts"), "utf8");
    expect(text).toMatch(/createRequire\(import\.meta\.url\)\("undici"\)/);
    expect(
      sources("runtime/src").filter((file) => /["']undici["']/.test(readFileSync(join(REPO_ROOT, file), "utf8"))),
    ).toEqual(["runtime/src/node/proxy.ts"]);
  });

  it("load does not know about model, emit or output", () => {
    expect(
      violations("generator/load", (_, imported) =>
        /^generator\/(model|emit|output|check)\//.test(imported) ? "load only reads schemas" : null,
      ),
    ).toEqual([]);
  });

  it("model does no I/O and does not emit", () => {
    expect(
      violations("generator/model", (_, imported) => {
        if (imported.startsWith("node:") || imported === "undici") return "the model is pure";
        if (/^generator\/(output|check)\//.test(imported)) return "model comes before output";
        if (imported.startsWith("generator/load/") && imported !== "generator/load/raw-schema.js")
          return "the model sees only RawSchema";
        if (imported.startsWith("generator/emit/") && imported !== "generator/emit/names.js")
          return "only the naming module is shared with emit";
        return null;
      }),
    ).toEqual([]);
  });

  it("emit never reads raw Gradio JSON or the network", () => {
    expect(
      violations("generator/emit", (file, imported) => {
        if (imported.startsWith("generator/load/")) return "emit reads the IR only";
        if (imported === "undici" || imported.startsWith("generator/output/")) return "emit produces text only";
        if (imported.startsWith("node:") && file !== "generator/emit/render.ts")
          return "only render.ts reads the templates";
        return null;
      }),
    ).toEqual([]);
  });

  it("templates use only each, if and partials", () => {
    for (const name of readdirSync(join(REPO_ROOT, "templates"))) {
      const text = readFileSync(join(REPO_ROOT, "templates", name), "utf8");
      const blocks = [...text.matchAll(/\{\{\s*([#/>^]?)\s*([\w-]+)/g)]
        .filter((m) => m[1] === "#" || m[1] === "/")
        .map((m) => m[2]);
      expect(
        blocks.filter((b) => b !== "each" && b !== "if"),
        name,
      ).toEqual([]);
      expect(text.split("\n").length, `${name} should stay short`).toBeLessThanOrEqual(80);
    }
  });
});
