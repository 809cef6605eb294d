/**
 * Docs are written once, on the `Client` interface, yet an editor shows them on both call forms:
 * the TypeScript language service (what VS Code's hover uses) at a module-level call and at a
 * client method call of a generated example module (and the named-arguments form points there).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";

function hover(
  project: Project,
  file: string,
  text: string,
  needle: string,
  from = 0,
): { doc: string; tags: string[] } {
  const at = text.indexOf(needle, from);
  const info = project.getLanguageService().compilerObject.getQuickInfoAtPosition(file, at);
  return {
    doc: ts.displayPartsToString(info?.documentation ?? []),
    tags: (info?.tags ?? []).map((t) => `${t.name} ${ts.displayPartsToString(t.text ?? [])}`),
  };
}

describe("hover docs of a generated module", () => {
  it("the module-level function and the client method show the same docs", () => {
    const dir = workDir("hover");
    const file = join(dir, "use.ts");
    const module = join(EXAMPLES_DIR, "calculator", "calculator.js");
    const text = [
      `import { connect, predict } from ${JSON.stringify(module)};`,
      `void predict(1, "add", 2);`,
      `void connect().predict(1, "add", 2);`,
      `void predict({ num1: 1, operation: "add", num2: 2 });`,
    ].join("\n");
    writeFileSync(file, text);
    const project = new Project({
      compilerOptions: {
        strict: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
      },
    });
    project.addSourceFileAtPath(file);
    project.resolveSourceFileDependencies();
    const moduleLevel = hover(project, file, text, "predict(1");
    const method = hover(project, file, text, "predict(1", text.indexOf("connect()"));
    expect(moduleLevel.doc).toContain("Apply an arithmetic operation to two numbers.");
    expect(moduleLevel.doc).toContain("Endpoint `/predict`.");
    expect(moduleLevel.tags.some((t) => t.startsWith("param num1") && t.includes("(Number)"))).toBe(true);
    expect(method).toEqual(moduleLevel);
    // The named-arguments overload points to the documented positional one.
    expect(hover(project, file, text, "predict({").doc).toContain("named arguments");
  });
});
