/**
 * ClientModel → the view the templates render: names final, strings escaped, types printed.
 * Templates only loop and branch on booleans prepared here (ARCHITECTURE.md "Handlebars").
 */
import type { AppFacts, ClientModel, EndpointModel, Slot, TypeNode } from "../model/ir.js";
import { binderName, binderViews, ENDPOINT_FEATURES, featureLiteral, type BinderView } from "./binders.js";
import { endpointDoc } from "./docs.js";
import { docLines, jsonLiteral, stringLiteral } from "./escape.js";
import { isNamedResultKey } from "../model/result-names.js";
import { namedForm } from "./named-form.js";
import { propertyKey } from "./names.js";
import { printType, type PrintTypeContext } from "./print-type.js";

export const RUNTIME_PACKAGE = "@gradio-codegen/runtime";

export interface EndpointView {
  readonly name: string;
  /** The name as a string literal, for `Client["name"]`. */
  readonly nameLiteral: string;
  readonly doc: readonly string[];
  /** The local binder that makes its function (`bind`, `bindFiles`, … see binders.ts). */
  readonly binder: string;
  /** `apiName, fnIndex, layout`: the binder's arguments. */
  readonly spec: string;
  /** `a: string | undefined, b?: number`: a defaulted parameter before a required one takes `undefined`. */
  readonly params: string;
  /** `{ a?: string; b: number }` of the named-arguments form, or "" when the endpoint has none. */
  readonly named: string;
  /** `Promise<T>` or `JobStream<T>`. */
  readonly returns: string;
}

export interface DeclarationView {
  readonly name: string;
  readonly doc: readonly string[];
  readonly type: string;
}

export interface ModuleView {
  readonly header: readonly string[];
  readonly declarations: readonly DeclarationView[];
  readonly runtime: string;
  readonly imports: string;
  /** `"@gradio-codegen/runtime/testing"`: where `mock()` and `record()` come from (modules with endpoints). */
  readonly testing: string;
  readonly app: string;
  /** The runtime features the app needs, as an object literal (`{ files, streams }`), or "" for none. */
  readonly features: string;
  readonly endpoints: readonly EndpointView[];
  /** The local binders the endpoints use. */
  readonly binders: readonly BinderView[];
  /** False when nothing is exposed (e.g. only unnamed endpoints, without --all-endpoints). */
  readonly hasEndpoints: boolean;
  /** The Space id as a string literal for `duplicate()` (modules generated from a Space), else "". */
  readonly duplicateFrom: string;
}

export const INPUT: PrintTypeContext = {
  direction: "input",
  fileInput: "FileInput",
  fileOutput: "GradioFile",
  json: "JsonValue",
};
export const OUTPUT: PrintTypeContext = { ...INPUT, direction: "output" };

/** Builds the template view of a module. */
export function moduleView(model: ClientModel, generatorVersion: string): ModuleView {
  // Imports follow what was printed, not a text search (a choice "FileInput" is no type use).
  const used = new Set<string>();
  const [input, output] = [
    { ...INPUT, used },
    { ...OUTPUT, used },
  ];
  const declared = new Map(model.declarations.map((d) => [d.name, d.type]));
  const endpoints = model.endpoints.map((e) => endpointView(e, { input, output, declared }));
  const declarations: DeclarationView[] = model.declarations.map(
    (d): DeclarationView => ({
      name: d.name,
      doc: d.description ? docLines(d.description) : [],
      type: printType(d.type, d.direction === "output" ? output : input),
    }),
  );
  declarations.push(...resultAliases(model, output));
  const features = clientFeatures(model);
  const appFeatures = features.filter((f) => !ENDPOINT_FEATURES.includes(f));
  const imports = [
    "asyncDispose",
    ...(endpoints.length > 0 ? ["bindEndpoint"] : []),
    "createAppClient",
    ...(endpoints.length > 0 ? ["createSharedClient", "rebindEndpoint"] : []),
    ...(duplicable(model) ? ["duplicateSpace"] : []),
    ...features.map((f) => `with${f[0]?.toUpperCase()}${f.slice(1)}`),
    "type AppSpec",
    "type AsyncDisposal",
    ...(endpoints.length > 0 ? ["type CallOptions"] : []),
    "type ClientOptions",
    ...(endpoints.length > 0 ? ["type EndpointDecl"] : []),
    ...(duplicable(model) ? ["type DuplicateOptions"] : []),
    ...(used.has("FileInput") ? ["type FileInput"] : []),
    ...(used.has("GradioFile") ? ["type GradioFile"] : []),
    ...(model.endpoints.some((e) => e.streaming) ? ["type JobStream"] : []),
    ...(used.has("JsonValue") ? ["type JsonValue"] : []),
    ...(used.has("ResultTuple") ? ["type ResultTuple"] : []),
  ].join(", ");
  return {
    header: header(model.app, generatorVersion),
    declarations,
    runtime: stringLiteral(RUNTIME_PACKAGE),
    testing: stringLiteral(`${RUNTIME_PACKAGE}/testing`),
    imports,
    app: appLiteral(model.app),
    features: featureLiteral(appFeatures),
    endpoints,
    binders: binderViews(model.endpoints.map(endpointFeatures)),
    hasEndpoints: endpoints.length > 0,
    duplicateFrom: duplicable(model) ? stringLiteral(model.app.spaceId ?? "") : "",
  };
}

/** The endpoint features one endpoint needs. */
function endpointFeatures(endpoint: EndpointModel): string[] {
  return [
    ...(directCall(endpoint) ? ["direct"] : []),
    ...(endpoint.parameters.some((p) => p.filePaths.length > 0) || endpoint.returns.some((r) => r.filePaths.length > 0)
      ? ["files"]
      : []),
    ...(endpoint.streaming ? ["streams"] : []),
    ...validationFeature(endpoint),
  ];
}

/** Checks before sending (README "Validation before sending"): with the file checks only where a file parameter has a rule. */
const validationFeature = (endpoint: EndpointModel): string[] =>
  endpoint.parameters.some((p) => p.rule && p.filePaths.length > 0)
    ? ["fileValidation"]
    : endpoint.parameters.some((p) => p.rule)
      ? ["validation"]
      : [];

/** Modules of a Space get `duplicate()`, when the id is one the Hub could have given (`owner/name`). */
const duplicable = (model: ClientModel): boolean =>
  model.app.spaceId !== null && /^[\w.-]+\/[\w.-]+$/.test(model.app.spaceId);

/**
 * Optional runtime features the module passes to `createAppClient`, decided from the model so that
 * an app without files, generators, heartbeat, Space id, login or Gradio 4.0–4.8's per-job queue
 * protocol never bundles their code. Login (`auth`) is not in an app's schema: the model has it
 * when the app asked for one when it was read, or when it was asked for (`--login`, `--auth`).
 */
function clientFeatures(model: ClientModel): string[] {
  const hasFiles = model.endpoints.some(
    (e) => e.parameters.some((p) => p.filePaths.length > 0) || e.returns.some((r) => r.filePaths.length > 0),
  );
  return [
    // Listeners with queue=False: one direct request instead of join + stream (docs/protocol.md §3.5).
    ...(model.endpoints.some(directCall) ? ["direct"] : []),
    ...(hasFiles ? ["files"] : []),
    ...(model.app.connectHeartbeat ? ["heartbeat"] : []),
    // Gradio 4.0–4.8 run each job on its own stream (protocol "sse", docs/protocol.md §3.3).
    ...(model.app.protocol === "sse" ? ["legacySse"] : []),
    ...(model.login ? ["login"] : []),
    ...(model.app.spaceId !== null ? ["spaces"] : []),
    ...(model.endpoints.some((e) => e.streaming) ? ["streams"] : []),
    ...[...new Set(model.endpoints.flatMap(validationFeature))].sort(),
  ];
}

function header(app: AppFacts, generatorVersion: string): string[] {
  const version = app.gradioVersion ? `Gradio ${app.gradioVersion}` : "Gradio (version unknown)";
  return [
    ...docLines(`Typed client for the Gradio app ${app.source}.`),
    "",
    ...docLines(
      `Generated by gradio-codegen ${generatorVersion} from its ${version} API schema. Do not edit: regenerate instead.`,
    ),
    "@module",
  ];
}

function appLiteral(app: AppFacts): string {
  return jsonLiteral({
    source: app.source,
    baseUrl: app.baseUrl,
    spaceId: app.spaceId,
    gradioVersion: app.gradioVersion,
    protocol: app.protocol,
    apiPrefix: app.apiPrefix,
    connectHeartbeat: app.connectHeartbeat,
    maxFileSize: app.maxFileSize,
  });
}

interface EndpointContext {
  readonly input: PrintTypeContext;
  readonly output: PrintTypeContext;
  readonly declared: ReadonlyMap<string, TypeNode>;
}

function endpointView(endpoint: EndpointModel, ctx: EndpointContext): EndpointView {
  const firstOptional = lastRequiredIndex(endpoint) + 1;
  const types = endpoint.parameters.map((p) => printType(p.type, ctx.input));
  const params = endpoint.parameters
    .map((p, i) =>
      i >= firstOptional ? `${p.name}?: ${types[i]}` : `${p.name}: ${types[i]}${p.hasDefault ? " | undefined" : ""}`,
    )
    .join(", ");
  const hasNamed = namedForm(endpoint, ctx.declared);
  const named = hasNamed
    ? `{ ${endpoint.parameters.map((p, i) => `${propertyKey(p.name)}${p.hasDefault ? "?" : ""}: ${types[i]}`).join("; ")} }`
    : "";
  const outputs = endpoint.returns.map((r) => ({ name: r.name, type: printType(r.type, ctx.output) }));
  const resultType =
    outputs.length === 1 ? (outputs[0]?.type ?? "void") : (endpoint.resultAlias ?? tupleType(outputs, ctx.output));
  return {
    name: endpoint.functionName,
    nameLiteral: stringLiteral(endpoint.functionName),
    doc: endpointDoc(endpoint),
    binder: binderName(endpointFeatures(endpoint)),
    spec: specLiteral(endpoint, hasNamed),
    params,
    named,
    returns: endpoint.streaming ? `JobStream<${resultType}>` : `Promise<${resultType}>`,
  };
}

/**
 * `ResultTuple<[a: A, b: B]> & { readonly a: A; readonly b: B }`: a labelled tuple also readable by
 * name. Results are plain values (an update without one fails the call with UNCHANGED,
 * runtime/src/session/results.ts); `ResultTuple` marks several results so that `withUpdates(fn)`
 * can type each output's update (runtime/src/session/with-updates.ts).
 */
function tupleType(outputs: readonly { name: string; type: string }[], output: PrintTypeContext): string {
  output.used?.add("ResultTuple");
  const tuple = `ResultTuple<[${outputs.map((o) => `${o.name}: ${o.type}`).join(", ")}]>`;
  const named = outputs
    .filter((o) => isNamedResultKey(o.name))
    .map((o) => `readonly ${propertyKey(o.name)}: ${o.type};`);
  return named.length === 0 ? tuple : `${tuple} & { ${named.join(" ")} }`;
}

/** Aliases of multi-result types, declared with the other named types. */
function resultAliases(model: ClientModel, output: PrintTypeContext): DeclarationView[] {
  return model.endpoints.flatMap((e) => {
    if (!e.resultAlias) return [];
    const outputs = e.returns.map((r) => ({ name: r.name, type: printType(r.type, output) }));
    const doc = `Results of \`${e.functionName}\`: a tuple (\`const [${outputs.map((o) => o.name).join(", ")}] = …\`) whose items can also be read by name.`;
    return [{ name: e.resultAlias, doc: docLines(doc), type: tupleType(outputs, output) }];
  });
}

/** Parameters after the last required one may be omitted (their defaults are sent). */
function lastRequiredIndex(endpoint: EndpointModel): number {
  let last = -1;
  endpoint.parameters.forEach((p, i) => {
    if (!p.hasDefault) last = i;
  });
  return last;
}

/** `apiName, fnIndex, layout` (an `EndpointDecl`): shorthands where they say the same (a bare name, identity wire slots). */
function specLiteral(endpoint: EndpointModel, named: boolean): string {
  const slot = (s: Slot) => (s.kind === "param" ? s.param : s.kind);
  const identity = (slots: readonly Slot[], count: number) =>
    slots.length === count && slots.every((s, i) => s.kind === "param" && s.param === i);
  const layout = jsonLiteral({
    ...(identity(endpoint.inputSlots, endpoint.parameters.length) ? {} : { inputs: endpoint.inputSlots.map(slot) }),
    ...(identity(endpoint.outputSlots, endpoint.returns.length) ? {} : { outputs: endpoint.outputSlots.map(slot) }),
    params: endpoint.parameters.map((p) =>
      !p.hasDefault && p.filePaths.length === 0 && !p.rule
        ? p.name
        : {
            name: p.name,
            ...(p.hasDefault ? { default: p.default ?? null } : {}),
            ...(p.filePaths.length > 0 ? { files: p.filePaths } : {}),
            ...(p.rule ? { rule: p.rule } : {}),
          },
    ),
    ...(endpoint.returns.length === 1 && endpoint.returns[0]?.filePaths.length === 0
      ? {}
      : {
          returns: endpoint.returns.map((r) =>
            r.filePaths.length === 0 ? r.name : { name: r.name, files: r.filePaths },
          ),
        }),
    ...(endpoint.streaming ? { streaming: true } : {}),
    ...(named ? {} : { named: false }),
    ...(directCall(endpoint) ? { queued: false } : {}),
    ...(endpoint.oauthToken ? { oauthToken: endpoint.oauthToken } : {}),
  });
  return `${jsonLiteral(endpoint.apiName)}, ${jsonLiteral(endpoint.fnIndex)}, ${layout}`;
}

/** A `queue=False` listener that is not a generator (those return only their first chunk directly): one direct request. */
const directCall = (endpoint: EndpointModel) => !endpoint.queued && !endpoint.streaming;
