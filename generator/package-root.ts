/**
 * The root of the `gradio-codegen` package (where package.json and templates/ are), as a file URL,
 * both from the sources (`generator/package-root.ts`) and from the compiled
 * `dist/generator/package-root.js`. Resolved with URLs, not by searching the path for "/dist/",
 * so it holds on Windows and in any install location.
 */
import { existsSync } from "node:fs";

function packageRoot(): URL {
  const parent = new URL("../", import.meta.url);
  return existsSync(new URL("package.json", parent)) ? parent : new URL("../../", import.meta.url);
}

export const PACKAGE_ROOT: URL = packageRoot();
