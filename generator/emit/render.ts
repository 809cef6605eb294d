/**
 * Renders the module text from the view model with the Handlebars templates in `templates/`
 * (compiled once, `noEscape` + `strict`: escaping already happened in the view model).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Handlebars from "handlebars";
import type { ModuleView } from "./view-model.js";

/** `templates/` at the package root, from both the sources and the compiled `dist/`. */
function templatesDir(): string {
  const here = import.meta.dirname;
  const fromSource = resolve(here, "..", "..", "templates");
  const fromDist = resolve(here, "..", "..", "..", "templates");
  return here.includes(`${"/dist/"}`) ? fromDist : fromSource;
}

let compiled: Handlebars.TemplateDelegate<ModuleView> | undefined;

function template(): Handlebars.TemplateDelegate<ModuleView> {
  if (compiled) return compiled;
  const dir = templatesDir();
  const hb = Handlebars.create();
  const read = (name: string) => readFileSync(resolve(dir, name), "utf8");
  hb.registerPartial("endpointDoc", read("endpoint-doc.hbs"));
  compiled = hb.compile<ModuleView>(read("module.hbs"), { noEscape: true, strict: true });
  return compiled;
}

/** The unformatted TypeScript text of a module. */
export function renderModule(view: ModuleView): string {
  return template()(view);
}
