/**
 * The `.tools.ts` module written next to a generated module (`--tools`): the app's tool
 * definitions (emit/tool-schema.ts) as data, and a dispatcher bound to the module's client.
 */
import type { ClientModel } from "../model/ir.js";
import { docText, jsonLiteral, stringLiteral } from "./escape.js";
import { renderTools } from "./render.js";
import { toolDefinitions } from "./tool-schema.js";

const basename = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** `whisper.ts` → `whisper.tools.ts`. */
export function toolsPath(modulePath: string): string {
  return modulePath.replace(/\.(m?ts)$/, ".tools.$1");
}

/** The unformatted text of the tools module of `model`, whose module is written to `modulePath`. */
export function renderToolsModule(model: ClientModel, modulePath: string, generatorVersion: string): string {
  const file = basename(modulePath);
  return renderTools({
    // Text in the doc comment goes through the module's own JSDoc escaping (no `*/` can end it).
    source: docText(model.app.source).replaceAll("\n", " "),
    generatorVersion,
    moduleFile: docText(file).replaceAll("\n", " "),
    moduleImport: stringLiteral(`./${file.replace(/\.(m?)ts$/, ".$1js")}`),
    // A JSON literal whose "__proto__" keys (a parameter may be named so) stay data.
    toolsJson: jsonLiteral(toolDefinitions(model)),
  });
}
