/**
 * Issue 3 item 5: a schema whose every name, label, description, choice, default and component is
 * hostile (test/unit/hostile-names.ts) goes through the real pipeline; the output is then read
 * with the TypeScript compiler API to prove no hostile text became code. Static: nothing is run.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidIdentifier } from "../../generator/emit/names.js";
import { generateFromSchema } from "../../generator/generate.js";
import type { RawSchema } from "../../generator/load/index.js";
import { workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";
import { HOSTILE, hostileSchema } from "./hostile-names.js";

const SOURCE = "*/ alert(1) /* `${x}` \u2028";

function raw(): RawSchema {
  const { info, config } = hostileSchema();
  return { source: SOURCE, baseUrl: null, spaceId: null, info, config };
}

/** Top-level statements of a generated module besides the type aliases and one `export const` per endpoint. */
const FIXED_STATEMENTS = [
  "import",
  "export interface Client",
  "const app",
  "export function connect",
  "const shared",
  "export function configure",
  // Test doubles (@gradio-codegen/runtime/testing): their import and mock(), record(), replay().
  "import",
  "function endpointTable",
  "export function mock",
  "export function record",
  "export function replay",
];

describe("a schema made of hostile names", () => {
  let text = "";
  let file = "";
  let aliases = 0;
  let source: ts.SourceFile;

  beforeAll(async () => {
    const result = await generateFromSchema(raw(), { allEndpoints: true, typecheck: true });
    text = result.text;
    aliases =
      result.model.declarations.length + result.model.endpoints.filter((e) => e.resultAlias !== undefined).length;
    file = join(workDir("hostile"), "hostile.ts");
    writeFileSync(file, text);
    source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  }, 120_000);

  it("type-checks strictly (tsc --strict --noEmit, no skipLibCheck)", () => {
    expect(typecheckFiles([file])).toEqual([]);
  }, 60_000);

  it("parses without syntax errors", () => {
    expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  });

  it("has exactly the expected top-level statements and exports", () => {
    const exportsOf = (s: ts.Statement) =>
      ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    expect(aliases).toBeGreaterThan(0);
    const features = text.includes("\nconst features = ") ? 1 : 0; // app-wide runtime features, when the app needs any
    // Local binders (`bind`, `bindFiles`, …): one per feature set the endpoints use, not exported.
    const binders = source.statements.filter((s) => ts.isFunctionDeclaration(s) && /^bind/.test(s.name?.text ?? ""));
    expect(binders.length).toBeGreaterThan(0);
    expect(binders.filter(exportsOf)).toEqual([]);
    expect(source.statements.length).toBe(
      FIXED_STATEMENTS.length + features + binders.length + aliases + HOSTILE.length,
    );
    expect(source.statements.filter(exportsOf).length).toBe(6 + aliases + HOSTILE.length);
    expect(source.statements.filter(ts.isTypeAliasDeclaration).length).toBe(aliases);
    const client = source.statements.find(ts.isInterfaceDeclaration);
    // Overloads (named arguments) repeat a member's name: count distinct names.
    expect(new Set(client?.members.map((m) => m.name?.getText(source))).size).toBe(HOSTILE.length + 1); // + close(); disposal comes from the runtime's AsyncDisposal
    // One standalone binder call per endpoint, no table of all of them.
    expect(text.match(/=\s*\/\* @__PURE__ \*\/\s*bind\w*\(/g)?.length).toBe(HOSTILE.length);
  });

  it("exports one valid, unique identifier per endpoint", () => {
    const names = source.statements
      .filter(ts.isVariableStatement)
      .filter((s) => (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      .map((s) => s.declarationList.declarations[0]?.name.getText() ?? "")
      .filter((n) => n !== "app" && n !== "shared");
    expect(names.length).toBe(HOSTILE.length);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(isValidIdentifier(name), name).toBe(true);
    for (const taken of [
      "app",
      "connect",
      "configure",
      "close",
      "shared",
      "client",
      "options",
      "then",
      "toJSON",
      "createClient",
      "bindEndpoint",
    ])
      expect(names).not.toContain(taken);
  });

  it("writes every string literal as JSON that round-trips, and every hostile choice appears as one", () => {
    const values = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const literal = node.getText(source);
        expect(() => JSON.parse(literal) as unknown, literal).not.toThrow();
        expect(JSON.parse(literal)).toBe(node.text);
        values.add(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const choice of HOSTILE) expect(values.has(choice), JSON.stringify(choice)).toBe(true);
  });

  it("lets no hostile text out of a comment: the token stream has no `alert`, every comment ends once", () => {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
    const comments: string[] = [];
    const identifiers = new Set<string>();
    // Every `*/` in the file is either a comment's own end or inside a string literal.
    const allowed = new Set<number>();
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
      if (kind === ts.SyntaxKind.MultiLineCommentTrivia || kind === ts.SyntaxKind.SingleLineCommentTrivia) {
        comments.push(scanner.getTokenText());
        allowed.add(scanner.getTokenEnd() - 2);
      }
      if (kind === ts.SyntaxKind.StringLiteral) {
        for (
          let at = scanner.getTokenText().indexOf("*/");
          at !== -1;
          at = scanner.getTokenText().indexOf("*/", at + 1)
        )
          allowed.add(scanner.getTokenStart() + at);
      }
      if (kind === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenValue());
    }
    for (let at = text.indexOf("*/"); at !== -1; at = text.indexOf("*/", at + 1))
      expect(allowed.has(at), text.slice(at - 40, at + 40)).toBe(true);
    expect(identifiers.has("alert")).toBe(false);
    expect(comments.length).toBeGreaterThan(HOSTILE.length);
    for (const comment of comments) {
      if (comment === "/* @__PURE__ */") continue; // the bundler annotation the generator writes itself
      expect(comment.startsWith("/**"), comment).toBe(true);
      expect(comment.slice(2, -2), comment).not.toContain("*/");
      expect(comment, comment).not.toMatch(/[\u2028\u2029\u202E\r]/);
      // A tag only at line start, and only ones the generator writes itself.
      const tags = [...comment.matchAll(/^\s*\*\s*(@\w+)/gm)].map((m) => m[1]);
      for (const tag of tags) expect(["@param", "@returns", "@module"], comment).toContain(tag);
    }
  });

  it("is byte-identical when generated again", async () => {
    const again = await generateFromSchema(raw(), { allEndpoints: true, typecheck: false });
    expect(again.text === text).toBe(true);
  });
});
