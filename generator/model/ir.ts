/**
 * The generator's intermediate representation: what the emitter needs to know about an app,
 * with every Gradio quirk already resolved (ARCHITECTURE.md "An IR between reading and writing").
 * The emitter never reads raw Gradio JSON; the loader never decides types.
 */
import type { AppSpec, ParamRule } from "@gradio-codegen/runtime";

/** A small closed type language; printed to TypeScript by `emit/print-type.ts`. */
export type TypeNode =
  | { readonly kind: "string" }
  | { readonly kind: "number"; readonly integer?: boolean }
  | { readonly kind: "boolean" }
  | { readonly kind: "null" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "array"; readonly items: TypeNode }
  | { readonly kind: "tuple"; readonly items: readonly TypeNode[]; readonly rest?: TypeNode }
  | {
      readonly kind: "object";
      readonly properties: readonly PropertyNode[];
      /** Type of keys not listed in `properties`; absent = none allowed. */
      readonly additional?: TypeNode;
    }
  | { readonly kind: "union"; readonly members: readonly TypeNode[] }
  /** A Gradio FileData on the wire: `FileInput` in parameters, `GradioFile` in results. */
  | { readonly kind: "file" }
  /** Any JSON value (`"type": {}` and friends). */
  | { readonly kind: "json" }
  /** A reference to a declaration in `ClientModel.declarations`. */
  | { readonly kind: "named"; readonly name: string }
  | { readonly kind: "unknown" };

export interface PropertyNode {
  /** The wire key, verbatim (may need quoting when printed). */
  readonly key: string;
  readonly type: TypeNode;
  readonly optional: boolean;
  readonly description?: string;
}

/** A problem found while building the model; never fatal for one value. */
export interface Diagnostic {
  readonly level: "warning" | "info";
  /** JSON pointer into the source document, e.g. `/info/named_endpoints/~1predict/parameters/0/type`. */
  readonly pointer: string;
  readonly message: string;
}

/** One position of a wire `data` array. */
export type Slot =
  | { readonly kind: "param"; readonly param: number }
  /** `gr.State`: the server reads/writes the session; send null, receive null. */
  | { readonly kind: "state" }
  /** Buttons, layout blocks and anything else with `skip_api`: null on the wire. */
  | { readonly kind: "skip" };

export interface ParameterModel {
  /** Unique, valid identifier for the signature (final: chosen by the naming module). */
  readonly name: string;
  /** Python argument name as reported by /info (for keyword calls), if known. */
  readonly pythonName?: string;
  readonly label: string;
  readonly component: string;
  readonly type: TypeNode;
  readonly hasDefault: boolean;
  /** JSON value sent when the argument is omitted (only meaningful with `hasDefault`). */
  readonly default?: unknown;
  readonly description?: string;
  readonly example?: unknown;
  /** Numeric range facts for JSDoc (Slider/Number). */
  readonly range?: { readonly minimum?: number; readonly maximum?: number; readonly step?: number };
  /** Paths inside the value where FileData sits ("*" = every element/key). */
  readonly filePaths: readonly FilePath[];
  /** Values the app's server refuses, checked by the runtime before sending (model/validation-rules.ts). */
  readonly rule?: ParamRule;
}

export interface ReturnModel {
  readonly name: string;
  readonly label: string;
  readonly component: string;
  readonly type: TypeNode;
  readonly description?: string;
  readonly filePaths: readonly FilePath[];
}

export type FilePath = readonly (string | number)[];

export interface EndpointModel {
  /** Server api name without the leading slash, e.g. `predict`. Null for unnamed endpoints. */
  readonly apiName: string | null;
  /** Final, unique exported function name. */
  readonly functionName: string;
  /** `config.dependencies[i].id`; null when only /info is known (the runtime looks it up). */
  readonly fnIndex: number | null;
  readonly description?: string;
  readonly streaming: boolean;
  readonly queued: boolean;
  readonly parameters: readonly ParameterModel[];
  readonly returns: readonly ReturnModel[];
  /** Wire order of the `data` array sent on join. */
  readonly inputSlots: readonly Slot[];
  /** Wire order of `output.data`. */
  readonly outputSlots: readonly Slot[];
  /** The endpoint takes the caller's Hugging Face OAuth token (`CallOptions.oauthToken`). */
  readonly oauthToken?: "required" | "optional";
  /** Type alias of the result when there are several outputs (a tuple readable by name). */
  readonly resultAlias?: string;
}

export interface Declaration {
  readonly name: string;
  readonly type: TypeNode;
  readonly description?: string;
  /** How `file` nodes and arrays print inside it; absent = the same either way. */
  readonly direction?: "input" | "output";
}

/** Facts about the app as a whole: exactly what the runtime's `AppSpec` carries. */
export type AppFacts = AppSpec;

export interface ClientModel {
  readonly app: AppFacts;
  /**
   * The module includes login support (`connect({ auth })`): the app asked for a login when it was
   * read, or it was asked for (`--login`, `--auth`). Not in the schema of an app that is open.
   */
  readonly login: boolean;
  readonly endpoints: readonly EndpointModel[];
  readonly declarations: readonly Declaration[];
  readonly diagnostics: readonly Diagnostic[];
}
