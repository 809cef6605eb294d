/**
 * Renders the module text from the view model with the Handlebars templates in `templates/`
 * (compiled once, `noEscape` + `strict`: escaping already happened in the view model).
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { PACKAGE_ROOT } from "../package-root.js";
import type { ModuleView } from "./view-model.js";

/** `templates/` at the package root. */
const TEMPLATES = new URL("templates/", PACKAGE_ROOT);

let compiled: Handlebars.TemplateDelegate<ModuleView> | undefined;

function template(): Handlebars.TemplateDelegate<ModuleView> {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  const read = (name: string) => readFileSync(new URL(name, TEMPLATES), "utf8");
  hb.registerPartial("endpointDoc", read("endpoint-doc.hbs"));
  hb.registerPartial("duplicate", read("duplicate.hbs"));
  hb.registerPartial("testing", read("testing.hbs"));
  hb.registerPartial("shared", read("shared.hbs"));
  compiled = hb.compile<ModuleView>(read("module.hbs"), { noEscape: true, strict: true });
  return compiled;
}

/** The unformatted TypeScript text of a module. */
export function renderModule(view: ModuleView): string {
  return template()(view);
}

/** What `templates/tools.hbs` fills in (the `.tools.ts` module, emit/tools-module.ts). */
export interface ToolsView {
  readonly source: string;
  readonly generatorVersion: string;
  readonly moduleFile: string;
  readonly moduleImport: string;
  readonly toolsJson: string;
}

let compiledTools: Handlebars.TemplateDelegate<ToolsView> | undefined;

/** The unformatted TypeScript text of a tools module. */
export function renderTools(view: ToolsView): string {
  compiledTools ??= Handlebars.create().compile<ToolsView>(readFileSync(new URL("tools.hbs", TEMPLATES), "utf8"), {
    noEscape: true,
    strict: true,
  });
  return compiledTools(view);
}
