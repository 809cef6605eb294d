/**
 * The `.tools.ts` module written next to a generated module (`--tools`): the app's tool
 * definitions (emit/tool-schema.ts) as data, and a dispatcher bound to the module's client.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import Handlebars from "handlebars";
import type { ClientModel } from "../model/ir.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { docText, jsonLiteral, stringLiteral } from "./escape.js";
import { toolDefinitions } from "./tool-schema.js";

interface ToolsView {
  readonly source: string;
  readonly generatorVersion: string;
  readonly moduleFile: string;
  readonly moduleImport: string;
  readonly toolsJson: string;
}

let compiled: Handlebars.TemplateDelegate<ToolsView> | undefined;

/** `whisper.ts` → `whisper.tools.ts`. */
export function toolsPath(modulePath: string): string {
  return modulePath.replace(/\.(m?ts)$/, ".tools.$1");
}

/** The unformatted text of the tools module of `model`, whose module is written to `modulePath`. */
export function renderToolsModule(model: ClientModel, modulePath: string, generatorVersion: string): string {
  compiled ??= Handlebars.create().compile<ToolsView>(readFileSync(new URL("templates/tools.hbs", PACKAGE_ROOT), "utf8"), { noEscape: true, strict: true });
  const file = basename(modulePath);
  return compiled({
    // Text in the doc comment goes through the module's own JSDoc escaping (no `*/` can end it).
    source: docText(model.app.source).replaceAll("\n", " "),
    generatorVersion,
    moduleFile: docText(file).replaceAll("\n", " "),
    moduleImport: stringLiteral(`./${file.replace(/\.(m?)ts$/, ".$1js")}`),
    // A JSON literal whose "__proto__" keys (a parameter may be named so) stay data.
    toolsJson: jsonLiteral(toolDefinitions(model)),
  });
}
