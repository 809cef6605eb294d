/**
 * The protocol knowledge lives in the repository: docs/protocol.md. Nothing in the published code,
 * its tests or benchmarks cites the old reference document that lived outside the repository, and
 * every section the tree cites (`docs/protocol.md §3.2`, a bare `§3.2`, `§7 item 16`,
 * `§1.6 "Omission rules"`) exists in docs/protocol.md. Test code may still read fixture folders
 * outside the repository by path; what is checked here is citations of documents.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const ENTRIES = [
  "generator",
  "runtime",
  "templates",
  "test",
  "bench",
  "scripts",
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
];
const SKIP_DIRS = new Set(["node_modules", "dist", ".venvs", ".runtimes", ".work"]);
const TEXT = /\.(?:[cm]?[jt]s|tsx|py|md|hbs|txt|ya?ml|sh)$/;
// Spelled in pieces so that this file does not cite them itself.
const OLD_DOC = ["gradio", "protocol.md"].join("-");
const OLD_EXAMPLES = ["shared", "protocol-examples"].join("/");

function sources(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return TEXT.test(path) && path !== SELF ? [path] : [];
  return readdirSync(path)
    .filter((entry) => !SKIP_DIRS.has(entry))
    .flatMap((entry) => sources(join(path, entry)));
}

const files = ENTRIES.flatMap((entry) => sources(join(ROOT, entry))).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, "utf8"),
}));

/** Section numbers and sub-headings of docs/protocol.md, and the numbered items under each section. */
function outline(markdown: string): {
  sections: Set<string>;
  titles: Map<string, Set<string>>;
  items: Map<string, Set<number>>;
} {
  const sections = new Set<string>();
  const titles = new Map<string, Set<string>>();
  const items = new Map<string, Set<number>>();
  let current = "";
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const numbered = /^#{2,3} (\d+(?:\.\d+)?)\.? /.exec(line);
    if (numbered) {
      current = numbered[1] as string;
      sections.add(current);
      continue;
    }
    const sub = /^#{4} (.+?)\s*$/.exec(line);
    if (sub) titles.set(current, (titles.get(current) ?? new Set()).add((sub[1] as string).toLowerCase()));
    const item = /^(\d+)\. /.exec(line);
    if (item) items.set(current, (items.get(current) ?? new Set()).add(Number(item[1])));
  }
  return { sections, titles, items };
}

/** Every `§N[.M]` cited in `text`, with the item number or quoted sub-heading that follows it. */
function citations(text: string): { section: string; item: number | null; title: string | null; line: number }[] {
  const found: { section: string; item: number | null; title: string | null; line: number }[] = [];
  for (const match of text.matchAll(/§(\d+(?:\.\d+)?)(?: item (\d+)| ["“]([^"”]+)["”])?/g)) {
    const line = text.slice(0, match.index).split("\n").length;
    found.push({
      section: match[1] as string,
      item: match[2] ? Number(match[2]) : null,
      title: match[3] ?? null,
      line,
    });
  }
  return found;
}

describe("protocol citations", () => {
  const doc = readFileSync(join(ROOT, "docs/protocol.md"), "utf8");
  const { sections, titles, items } = outline(doc);

  it("docs/protocol.md keeps the section numbers §0 … §8", () => {
    for (const section of ["0", "1.1", "1.6", "2.4", "3.2", "3.3", "4.2", "5.4", "6.1", "7", "8"])
      expect(sections).toContain(section);
    expect([...(items.get("7") ?? [])].length).toBeGreaterThanOrEqual(30);
  });

  it("no file cites the old reference document or its example folder", () => {
    const offenders = files
      .filter(({ text }) => text.includes(OLD_DOC) || text.includes(OLD_EXAMPLES))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it("every cited section, numbered item and sub-heading exists in docs/protocol.md", () => {
    const missing: string[] = [];
    for (const { path, text } of files) {
      for (const cite of citations(text)) {
        const where = `${path}:${cite.line} §${cite.section}`;
        if (!sections.has(cite.section)) missing.push(`${where}: no such section`);
        else if (cite.item !== null && !items.get(cite.section)?.has(cite.item))
          missing.push(`${where} item ${cite.item}: no such item`);
        else if (cite.title !== null && !titles.get(cite.section)?.has(cite.title.toLowerCase()))
          missing.push(`${where} "${cite.title}": no such sub-heading`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the checks notice what they are for", () => {
    expect(citations(`see ${"docs/protocol.md"} §3.2 "Join" and §7 item 16`)).toEqual([
      { section: "3.2", item: null, title: "Join", line: 1 },
      { section: "7", item: 16, title: null, line: 1 },
    ]);
    const small = outline(
      "## 3. Calling\n### 3.2 Queue\n#### Join\n```\n## 9. not a heading in a fence\n```\n## 7. Pitfalls\n1. one\n2. two\n",
    );
    expect([...small.sections]).toEqual(["3", "3.2", "7"]);
    expect(small.titles.get("3.2")).toEqual(new Set(["join"]));
    expect(small.items.get("7")).toEqual(new Set([1, 2]));
  });
});
