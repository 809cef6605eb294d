// Build step after `tsc`: every emitted declaration file that mentions a web-platform global
// (Blob, Response, …) imports that name from dist/platform.d.ts instead, so the published
// declarations compile in projects without the `dom` lib or @types/node (see src/platform.ts).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const NAMES = ["AbortSignal", "Blob", "BodyInit", "ReadableStream", "RequestInit", "Response", "URL"];
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const platform = join(dist, "platform.d.ts");

/** Declaration text without comments, so a name in a doc comment imports nothing. */
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

let rewritten = 0;
for (const entry of readdirSync(dist, { recursive: true })) {
  const file = join(dist, entry);
  if (!file.endsWith(".d.ts") || file === platform) continue;
  const text = readFileSync(file, "utf8");
  const body = code(text);
  const used = NAMES.filter((name) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])(?!\\s*\\??:)`).test(body));
  if (used.length === 0) continue;
  const declared = used.filter((name) =>
    new RegExp(
      `\\b(interface|type|class|const|let|var|function|enum|namespace)\\s+${name}\\b|\\bimport\\b[^;]*\\b${name}\\b`,
    ).test(body),
  );
  if (declared.length > 0)
    throw new Error(
      `${entry}: declares or imports ${declared.join(", ")} itself; rename it (platform names are imported from platform.d.ts)`,
    );
  let from = relative(dirname(file), platform)
    .replaceAll("\\", "/")
    .replace(/\.d\.ts$/, ".js");
  if (!from.startsWith(".")) from = `./${from}`;
  writeFileSync(file, `import type { ${used.join(", ")} } from "${from}";\n${text}`);
  rewritten++;
}
process.stdout.write(
  `platform-types: ${rewritten} declaration files import their web-platform types from platform.d.ts\n`,
);
