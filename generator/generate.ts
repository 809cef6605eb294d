/**
 * The pipeline: load → model → emit → output (format, type-check). Pure of disk writes; the
 * CLI decides where text goes.
 */
import { loadSchema, toSnapshot, type AppCredentials, type RawSchema, type Snapshot } from "./load/index.js";
import { buildModel } from "./model/build-model.js";
import type { ClientModel } from "./model/ir.js";
import { renderModule } from "./emit/render.js";
import { moduleView } from "./emit/view-model.js";
import { GENERATOR_VERSION } from "./version.js";
import { typecheck } from "./output/gate.js";
import { checkedView } from "./output/twins.js";
import { CodegenError } from "./errors.js";

export interface GenerateOptions {
  readonly allEndpoints?: boolean;
  /** Skip the in-memory type-check (faster; for benchmarks and trusted inputs). */
  readonly typecheck?: boolean;
  readonly token?: string | undefined;
  readonly hfEndpoint?: string | undefined;
  /** Include login support (`connect({ auth })`) even if the schema does not say the app asks for one. */
  readonly login?: boolean;
  /** Log in to the app before reading it (`generate()` of a live app); implies `login`. */
  readonly auth?: AppCredentials | undefined;
}

export interface GenerateResult {
  readonly text: string;
  readonly model: ClientModel;
  readonly snapshot: Snapshot;
}

/** Generates the module text of an already loaded schema. */
export async function generateFromSchema(raw: RawSchema, options: GenerateOptions = {}): Promise<GenerateResult> {
  const model = buildModel(raw, {
    allEndpoints: options.allEndpoints ?? false,
    login: options.login === true || options.auth !== undefined,
  });
  // prettier and ts-morph are loaded on demand: they dominate the CLI's start-up time.
  const { formatModule } = await import("./output/format.js");
  const view = moduleView(model, GENERATOR_VERSION);
  const rendered = renderModule(view);
  // Formatting changes layout, never types: the gate checks the rendered text, on the CLI's
  // worker thread while this one formats (in-process otherwise). A large module is parsed whole
  // and type-checked with one endpoint per class of twins (output/twins.ts).
  const gated = checkedView(view);
  const checked =
    options.typecheck === false
      ? Promise.resolve()
      : gated === view
        ? typecheck(rendered, "generated module")
        : typecheck(renderModule(gated), "generated module", rendered);
  const [formatted, check] = await Promise.allSettled([formatModule(rendered), checked]);
  if (formatted.status === "rejected") throw formatted.reason;
  const text = formatted.value;
  if (check.status === "rejected") await relocated(check.reason, text);
  // The snapshot records the login decision, so regenerating from it gives the same module.
  return { text, model, snapshot: toSnapshot({ ...raw, login: model.login }) };
}

/**
 * A failed gate names lines of the rendered text; check the formatted text again (in-process) so
 * the message points into the module as written. Rethrows the first error if that passes.
 */
async function relocated(error: unknown, text: string): Promise<never> {
  if (error instanceof CodegenError && error.code === "TYPECHECK") await typecheck(text, "generated module");
  throw error;
}

/** Loads `source` (URL, Space id or schema file) and generates its module. */
export async function generate(source: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const raw = await loadSchema(source, {
    allEndpoints: options.allEndpoints ?? false,
    token: options.token,
    hfEndpoint: options.hfEndpoint,
    auth: options.auth,
  });
  return generateFromSchema(raw, options);
}
