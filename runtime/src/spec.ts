/**
 * What a generated module tells the runtime about its app: facts learned at generation time, so
 * that a first call can go straight to the queue (ARCHITECTURE.md "decide at generation time").
 */

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Facts about the app as a whole. */
export interface AppSpec {
  /** What the module was generated from (Space id, URL or file). */
  readonly source: string;
  /** Base URL of the app, without trailing slash; null when only a Space id or a file is known. */
  readonly baseUrl: string | null;
  /** `owner/name` when the app is a Hugging Face Space. */
  readonly spaceId: string | null;
  readonly gradioVersion: string | null;
  /** Queue protocol (`sse_v3`, `sse_v2.1`, `sse_v2`, `sse_v1`, `sse`). */
  readonly protocol: string | null;
  /** `/gradio_api` on Gradio ≥ 5, empty string on 4.x. */
  readonly apiPrefix: string | null;
  /** The app has State/unload listeners: a heartbeat keeps its session alive. */
  readonly connectHeartbeat: boolean;
  /** Upload limit in bytes, null = none. */
  readonly maxFileSize: number | null;
}

/** Path inside a value where a file sits: object keys, tuple indices, `"*"` for every element. */
export type FilePath = readonly (string | number)[];

/** One position of the wire `data` array: a public argument/result index, or a hidden slot. */
export type WireSlot = number | "state" | "skip";

/** A public parameter of an endpoint. */
export interface ParamSpec {
  readonly name: string;
  /** Sent when the caller omits the argument. Absent = the argument is required. */
  readonly default?: JsonValue;
  readonly files?: readonly FilePath[];
  /** What the app's server refuses for this parameter; checked before sending (runtime/src/validate). */
  readonly rule?: ParamRule;
}

/**
 * Values a parameter's server refuses, as the Gradio line the module was generated from checks them
 * (the generator emits only what that line enforces): the runtime refuses the same values before
 * any request. Every field is optional; an empty rule refuses nothing.
 */
export interface ParamRule {
  /** Allowed values, compared as Python's `==` does (`1 == 1.0 == true`). */
  readonly choices?: readonly (string | number | boolean)[];
  /**
   * How `choices` apply: `one` (Radio: the value itself), `any` (Dropdown: the value, or each
   * element of an array), `each` (CheckboxGroup: each element of an array, character of a string or
   * key of an object; anything else is refused). `null` passes `one` and `any`.
   */
  readonly select?: "one" | "any" | "each";
  /** Bounds of a Slider/Number: the value must be a number or a boolean (Python compares them). */
  readonly minimum?: number;
  readonly maximum?: number;
  /** With a bound: `null` is accepted (Number) rather than refused (Slider). */
  readonly nullable?: boolean;
  /** Size limit of each file whose size is known before the upload (the app's `max_file_size`). */
  readonly maxBytes?: number;
  /** Extensions (lower case, with the dot) one of which the name of each uploaded file must end with (`file_types`). */
  readonly extensions?: readonly string[];
}
export interface ReturnSpec {
  readonly name: string;
  readonly files?: readonly FilePath[];
}

/** One callable endpoint, as the generator saw it. */
export interface EndpointSpec {
  /** api name without the leading slash; null for unnamed endpoints. */
  readonly apiName: string | null;
  /** `config.dependencies[i].id`, sent as `fn_index`; null = look it up by `apiName` in `/config`. */
  readonly fnIndex: number | null;
  /** Wire order of the inputs. */
  readonly inputs: readonly WireSlot[];
  /** Wire order of the outputs. */
  readonly outputs: readonly WireSlot[];
  readonly params: readonly ParamSpec[];
  readonly returns: readonly ReturnSpec[];
  /** A generator: intermediate results stream before the final one. */
  readonly streaming?: boolean;
  /** The listener has `queue=False`: called with one direct request when the module has the `direct` feature (§3.5). */
  readonly queued?: false;
  /**
   * `false`: calls take positional arguments only, because the first parameter can itself be a
   * plain object whose keys are all parameter names. Otherwise `fn({ num2: 10 })` names them.
   */
  readonly named?: false;
  /** The function takes a `gr.OAuthToken` (`/info` `oauth_token`, Gradio ≥ 6.21): pass `CallOptions.oauthToken`. */
  readonly oauthToken?: "required" | "optional";
}

/**
 * An endpoint's layout as a generated module declares it (its api name and fn_index go beside it):
 * an {@link EndpointSpec} with shorthands, expanded by {@link expandEndpoint}. A parameter or result
 * without defaults or files is just its name; absent `returns` means one result without files;
 * absent `inputs`/`outputs` mean one wire slot per parameter/result, in order.
 */
export interface EndpointDecl
  extends Omit<EndpointSpec, "apiName" | "fnIndex" | "inputs" | "outputs" | "params" | "returns"> {
  readonly inputs?: readonly WireSlot[];
  readonly outputs?: readonly WireSlot[];
  readonly params: readonly (string | ParamSpec)[];
  readonly returns?: readonly (string | ReturnSpec)[];
}

/** How errors name an endpoint: `/predict`, or `fn_index 3` for an unnamed one. */
export function endpointLabel(spec: Pick<EndpointSpec, "apiName" | "fnIndex">): string {
  return spec.apiName === null ? `fn_index ${spec.fnIndex}` : `/${spec.apiName}`;
}

/** The full spec of endpoint `apiName` (null: unnamed) with `fnIndex` (null: look it up) and layout `decl`. */
export function expandEndpoint(apiName: string | null, fnIndex: number | null, decl: EndpointDecl): EndpointSpec {
  const params = decl.params.map((p) => (typeof p === "string" ? { name: p } : p));
  const returns = (decl.returns ?? ["result"]).map((r) => (typeof r === "string" ? { name: r } : r));
  return {
    ...decl,
    apiName,
    fnIndex,
    params,
    returns,
    inputs: decl.inputs ?? params.map((_, i) => i),
    outputs: decl.outputs ?? returns.map((_, i) => i),
  };
}
