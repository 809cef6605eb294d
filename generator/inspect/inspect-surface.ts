/**
 * What `gradio-codegen inspect` shows, computed from the generator's own model and printer (no
 * second reading of the schema): the lock's API surface (check/surface.ts, same fields, same
 * names) with, per endpoint, the TypeScript signature the module has, and per parameter/result the
 * printed type, choices, range and description. The `json` format prints this object.
 */
import {
  apiSurface,
  surfaceHash,
  type EndpointSurface,
  type ParameterSurface,
  type ReturnSurface,
} from "../check/surface.js";
import { moduleView, INPUT, OUTPUT } from "../emit/view-model.js";
import { printType } from "../emit/print-type.js";
import type { ClientModel, Declaration, TypeNode } from "../model/ir.js";
import { GENERATOR_VERSION } from "../version.js";

/** Version of the JSON document's shape; bumped only on an incompatible change. */
export const INSPECT_FORMAT = "gradio-codegen.inspect/1";

export interface InspectParameter extends ParameterSurface {
  /** The type as the module prints it (`FileInput`, `"add" | "subtract"`, an alias name). */
  readonly tsType: string;
  readonly optional: boolean;
  /** Literal values the parameter accepts (a Radio/Dropdown), else null. */
  readonly choices: readonly (string | number | boolean)[] | null;
  /** Further values accepted besides `choices` (a Dropdown with `allow_custom_value`). */
  readonly customValues: boolean;
  readonly range: { readonly minimum?: number; readonly maximum?: number; readonly step?: number } | null;
  readonly description: string | null;
}

export interface InspectReturn extends ReturnSurface {
  readonly tsType: string;
  readonly description: string | null;
}

export interface InspectEndpoint extends Omit<EndpointSurface, "parameters" | "returns"> {
  /** `predict(inputAudio: FileInput, options?: CallOptions): Promise<string>` */
  readonly signature: string;
  readonly description: string | null;
  readonly parameters: readonly InspectParameter[];
  readonly returns: readonly InspectReturn[];
}

export interface InspectDocument {
  readonly format: typeof INSPECT_FORMAT;
  readonly generatorVersion: string;
  readonly source: string;
  readonly spaceId: string | null;
  readonly gradioVersion: string | null;
  readonly protocol: string | null;
  /** As in the lock: `sha256:` of the canonical endpoints. */
  readonly schemaHash: string;
  readonly login: boolean;
  /** Unnamed/undocumented endpoints left out (shown with --all-endpoints). */
  readonly hiddenEndpoints: number;
  readonly endpoints: readonly InspectEndpoint[];
  /** Named types the signatures use, as the module declares them. */
  readonly types: readonly { readonly name: string; readonly type: string; readonly description: string | null }[];
}

/** The inspect document of `model`; `hidden` = endpoints the model left out. */
export function inspectDocument(model: ClientModel, hidden: number): InspectDocument {
  const surface = apiSurface(model);
  const view = moduleView(model, GENERATOR_VERSION);
  const declarations = new Map(model.declarations.map((d: Declaration) => [d.name, d.type]));
  const endpoints = model.endpoints.map((endpoint, i): InspectEndpoint => {
    const s = surface.endpoints[i] as EndpointSurface;
    const v = view.endpoints[i];
    const params = v?.params ?? "";
    const lastRequired = endpoint.parameters.reduce((last, p, j) => (p.hasDefault ? last : j), -1);
    const result = v === undefined ? "unknown" : v.returns;
    return {
      apiName: s.apiName,
      functionName: s.functionName,
      fnIndex: s.fnIndex,
      streaming: s.streaming,
      inputs: s.inputs,
      outputs: s.outputs,
      signature: `${s.functionName}(${params}${params ? ", " : ""}options?: CallOptions): ${result}`,
      description: endpoint.description ?? null,
      parameters: endpoint.parameters.map((p, j) => {
        const { choices, custom } = literalChoices(resolve(p.type, declarations));
        return {
          ...(s.parameters[j] as ParameterSurface),
          tsType: printType(p.type, INPUT),
          optional: j > lastRequired,
          choices,
          customValues: custom,
          range: p.range ?? null,
          description: p.description ?? null,
        };
      }),
      returns: endpoint.returns.map((r, j) => ({
        ...(s.returns[j] as ReturnSurface),
        tsType: printType(r.type, OUTPUT),
        description: r.description ?? null,
      })),
    };
  });
  return {
    format: INSPECT_FORMAT,
    generatorVersion: GENERATOR_VERSION,
    source: model.app.source,
    spaceId: model.app.spaceId,
    gradioVersion: model.app.gradioVersion,
    protocol: model.app.protocol,
    schemaHash: surfaceHash(surface),
    login: model.login,
    hiddenEndpoints: hidden,
    endpoints,
    types: view.declarations.map((d, i) => ({
      name: d.name,
      type: d.type,
      description: (model.declarations[i]?.description ?? null) || null,
    })),
  };
}

function resolve(type: TypeNode, declarations: ReadonlyMap<string, TypeNode>): TypeNode {
  return type.kind === "named" ? (declarations.get(type.name) ?? type) : type;
}

/** `"a" | "b"` → choices a, b; `"a" | (string & {})`-style unions (literals + string) allow custom values. */
function literalChoices(type: TypeNode): { choices: (string | number | boolean)[] | null; custom: boolean } {
  if (type.kind === "literal") return { choices: [type.value], custom: false };
  if (type.kind !== "union") return { choices: null, custom: false };
  const literals = type.members.flatMap((m) => (m.kind === "literal" ? [m.value] : []));
  if (literals.length === 0) return { choices: null, custom: false };
  const others = type.members.filter((m) => m.kind !== "literal" && m.kind !== "null");
  if (others.length > 0 && !others.every((m) => m.kind === "string" || m.kind === "number"))
    return { choices: null, custom: false };
  return { choices: literals, custom: others.length > 0 };
}
