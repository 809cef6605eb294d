/**
 * The gate of a large module (more than `FULL_CHECK_MAX_ENDPOINTS` endpoints): every line is parsed,
 * and the type-check runs on the module rendered with one endpoint per *twin class* — endpoints
 * whose statements are the same text except for the endpoint's own names. Apps with thousands of
 * endpoints repeat a few shapes (the same component signature under many names), and checking a
 * repeat proves nothing its twin did not: it costs the same, so the check grew with the endpoints.
 *
 * Twins have the same binder, the same printed parameter list (names and types), named-arguments
 * form, result type (type names included, so an endpoint with its own result alias is its own
 * class) and layout literal (`EndpointDecl`); they differ only in
 * - the function name: a unique, valid identifier from the module's name table (`Client["f"]`,
 *   `export const f`, `f: rebindEndpoint(client, f)`, `{ f, … }` — the same statements around it;
 *   checked to be unique here, else the module is checked in full);
 * - the api name and fn_index literals (typed `string | null`, `number | null`: any value fits);
 * - the JSDoc text, which TypeScript does not type-check in a `.ts` file; it is parsed with the rest.
 * So what is skipped is the type-check of statements identical, up to those names and literals, to
 * checked ones. Everything else is checked as in a small module: every declaration (hoisted
 * types, result aliases), the imports, `connect`, the binders, the test doubles. A module that
 * fails is checked again in full (generate.ts), so its errors point into the module as written.
 */
import type { EndpointView, ModuleView } from "../emit/view-model.js";

/** Up to this many endpoints, the gate type-checks the module text itself. */
export const FULL_CHECK_MAX_ENDPOINTS = 300;

const SPEC_LITERALS = /^(null|"(?:[^"\\]|\\.)*"), (null|-?\d+), /;

/** The text of an endpoint's statements without its names and literals (see the header). */
function twinKey(endpoint: EndpointView): string {
  // `spec` is `apiName, fnIndex, layout`, the first two JSON literals (a string or null, a number or null).
  const literals = SPEC_LITERALS.exec(endpoint.spec);
  // Not in that form: a class of its own (checked).
  if (literals === null) return JSON.stringify(["own", endpoint.name]);
  const [prefix, apiName, fnIndex] = literals;
  const layout = endpoint.spec.slice(prefix.length);
  return JSON.stringify([
    endpoint.binder,
    endpoint.params,
    endpoint.named,
    endpoint.returns,
    apiName === "null",
    fnIndex === "null",
    layout,
  ]);
}

/** The view to type-check in place of `view`: the same, or one endpoint per twin class (large modules). */
export function checkedView(view: ModuleView): ModuleView {
  if (view.endpoints.length <= FULL_CHECK_MAX_ENDPOINTS) return view;
  // Twins rely on unique names (the name table's promise); were two equal, the full check says so.
  if (new Set(view.endpoints.map((endpoint) => endpoint.name)).size !== view.endpoints.length) return view;
  const seen = new Set<string>();
  const endpoints = view.endpoints.filter((endpoint) => {
    const key = twinKey(endpoint);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...view, endpoints };
}
