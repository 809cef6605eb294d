// Build step after `tsc`: the Node entries (`.` and `./node`, `./testing`, `./tools` under the
// `node` export condition) as one module graph of a few files instead of ~60. Node loads every
// file of an ES module graph before running it (~0.5 ms each), so the many small files cost a
// fresh process ~30 ms before the first request (bench B1); the bundle costs ~9 ms. The entries
// share their chunks, so `GradioError` & co. stay one class across entries. Browsers and other
// bundlers keep the unbundled files (`default` condition), which they tree-shake per file.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
await build({
  entryPoints: {
    node: join(dist, "node.js"),
    testing: join(dist, "testing", "index.js"),
    tools: join(dist, "tools", "index.js"),
  },
  outdir: join(dist, "node-esm"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // undici (optional peer dependency) is loaded by createRequire at run time, never bundled.
  packages: "external",
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
});
