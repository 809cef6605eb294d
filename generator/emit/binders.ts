/**
 * The module's local binders: `bind`, `bindFiles`, `bindDirectStreams`, … one small function per
 * set of endpoint features the module uses, each calling `bindEndpoint(shared, …, features)`.
 *
 * Why not `bindEndpoint(shared, …)` in each endpoint's initializer: TypeScript's control-flow
 * analysis walks back over every preceding top-level statement for each reference to a variable or
 * an import (`shared`, `bindEndpoint`, `withFiles`) at module scope, which made checking a module
 * quadratic in its endpoints (4 of the 5 s the compiler spent on a 5,000-endpoint module). A call to
 * a local function declaration is not flow-analysed, and the references inside its body start from
 * the body. Bundlers still keep only what the imported endpoints use: an unused binder is an unused
 * function, dropped with the feature it references.
 */

/** Features an endpoint brings to its own calls, so that importing one endpoint bundles only what it needs. */
export const ENDPOINT_FEATURES: readonly string[] = ["direct", "files", "streams", "fileValidation", "validation"];

/** The `EndpointFeatures` key of a feature: both validators fill `validation` (the file one also checks sizes). */
const featureKey = (feature: string): string => (feature === "fileValidation" ? "validation" : feature);

const upperFirst = (name: string): string => `${name[0]?.toUpperCase() ?? ""}${name.slice(1)}`;

/** `withFiles` for `files`: the runtime export of a feature. */
export const featureExport = (feature: string): string => `with${upperFirst(feature)}`;

/** `bind`, `bindFiles`, `bindDirectStreams`: the binder of one feature set (in `ENDPOINT_FEATURES` order). */
export function binderName(features: readonly string[]): string {
  return `bind${features.map(upperFirst).join("")}`;
}

/** Every binder name a module may define (every subset of `ENDPOINT_FEATURES`): endpoint names avoid them. */
export function allBinderNames(): string[] {
  const names: string[] = [];
  for (let mask = 0; mask < 1 << ENDPOINT_FEATURES.length; mask++)
    names.push(binderName(ENDPOINT_FEATURES.filter((_, i) => (mask & (1 << i)) !== 0)));
  return names;
}

/** `{ files: withFiles, … }`, or "" for none. */
export function featureLiteral(names: readonly string[]): string {
  return names.length === 0 ? "" : `{ ${names.map((f) => `${featureKey(f)}: ${featureExport(f)}`).join(", ")} }`;
}

/** What the template renders for one binder. */
export interface BinderView {
  readonly name: string;
  /** The features object passed to `bindEndpoint`, or "" for none. */
  readonly features: string;
}

/** The binders a module needs, in a fixed order (by name), from each endpoint's feature list. */
export function binderViews(endpointFeatures: readonly (readonly string[])[]): BinderView[] {
  const byName = new Map<string, BinderView>();
  for (const features of endpointFeatures) {
    const name = binderName(features);
    if (!byName.has(name)) byName.set(name, { name, features: featureLiteral(features) });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
