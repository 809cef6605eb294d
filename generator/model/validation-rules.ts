/**
 * The values each parameter's server refuses (`ParamRule`), read from `/config` component props
 * and emitted only where the Gradio line that served the schema enforces them, so that the
 * runtime's check before sending never refuses what the server accepts. What each line checks
 * (its components' `preprocess`, its upload route), verified against the live 6.31, 5.50, 4.44 and
 * 4.8 servers in test/runtime/live-validation.test.ts:
 *
 * - Dropdown (without `allow_custom_value`), Radio, CheckboxGroup choices: Gradio ≥ 5.0 (gradio-app/
 *   gradio#8810, first released in 5.0.0-beta.1).
 * - Slider minimum/maximum (and a non-null number): Gradio ≥ 5.39 (gradio-app/gradio#11635).
 *   Number minimum/maximum: every supported line (≥ 4.0). No line enforces `step`.
 * - File and UploadButton (`type="filepath"`) `file_types` made only of extensions: the name of
 *   each upload ends with one of them, Gradio ≥ 5.2 (gradio-app/gradio#9678; 5.0–5.1 compared
 *   MIME subtypes, so `.jpeg` took `a.jpg`). Names are judged only where they are plain (see
 *   runtime/src/validate/file-name.ts); `file_types` with a category (`"image"`) give no rule.
 * - `max_file_size` (each uploaded file, refused above it): Gradio ≥ 5.35 (gradio-app/gradio#11433
 *   counts the bytes received). Before, the size of the file on disk was checked while the upload
 *   was still buffered, so a file a little over the limit went through (4.44.1 accepts 1,001
 *   bytes under a 1,000-byte limit).
 *
 * Left without rules: components some listener writes to (a `gr.update` may change their
 * choices or range for the session, and the server then checks the new ones), endpoints that are
 * not public (Gradio's own flagging listeners skip `preprocess`), and anything an older line does
 * not check.
 */
import { isObject, type JsonObject } from "../load/raw-schema.js";
import type { ParamRule } from "@gradio-codegen/runtime";
import { configTables } from "./from-config.js";
import type { EndpointModel, ParameterModel } from "./ir.js";
import { publicCount, wireSlots } from "./wire-slots.js";

/** Major and minor of a Gradio version string as one number ("5.50.0" → 5050, "5.9.1" → 5009); null when unreadable. */
function versionOf(version: string | null): number | null {
  const match = version === null ? null : /^(\d+)\.(\d+)/.exec(version);
  return match ? Number(match[1]) * 1000 + Math.min(Number(match[2]), 999) : null;
}

/** Since when each line checks what (see above), as {@link versionOf} numbers. */
const SINCE = { choices: 5000, slider: 5039, number: 4000, maxFileSize: 5035, fileTypes: 5002 } as const;

/** The lower-cased extensions of a File/UploadButton that checks them (`type="filepath"`, only `.ext` entries); else null. */
function fileExtensions(component: JsonObject | undefined, version: number): string[] | null {
  if (!component || version < SINCE.fileTypes) return null;
  if (component["type"] !== "file" && component["type"] !== "uploadbutton") return null;
  const props = isObject(component["props"]) ? component["props"] : {};
  const types = props["file_types"];
  if (props["type"] !== "filepath" || !Array.isArray(types) || types.length === 0) return null;
  const plain = (t: unknown): t is string => typeof t === "string" && /^\.[A-Za-z0-9]+$/.test(t);
  return types.every(plain) ? types.map((t) => t.toLowerCase()) : null;
}

/** The scalar values of a component's `choices` (`[[label, value], …]`); null when any is not a scalar. */
function choiceValues(choices: unknown): (string | number | boolean)[] | null {
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const values: (string | number | boolean)[] = [];
  for (const choice of choices) {
    const value: unknown = Array.isArray(choice) ? choice[1] : choice;
    if (
      !(
        typeof value === "string" ||
        typeof value === "boolean" ||
        (typeof value === "number" && Number.isFinite(value))
      )
    )
      return null;
    values.push(value);
  }
  return values;
}

const finite = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** The rule of one input component on Gradio `version` ({@link versionOf}), or null. */
function componentRule(component: JsonObject, version: number): ParamRule | null {
  const props = isObject(component["props"]) ? component["props"] : {};
  const type = component["type"];
  if (version >= SINCE.choices && (type === "dropdown" || type === "radio" || type === "checkboxgroup")) {
    if (type === "dropdown" && props["allow_custom_value"] === true) return null;
    const choices = choiceValues(props["choices"]);
    if (choices === null) return null;
    return { choices, select: type === "radio" ? "one" : type === "dropdown" ? "any" : "each" };
  }
  if ((version >= SINCE.slider && type === "slider") || (version >= SINCE.number && type === "number")) {
    const minimum = finite(props["minimum"]);
    const maximum = finite(props["maximum"]);
    if (minimum === undefined && maximum === undefined) return null;
    return {
      ...(minimum === undefined ? {} : { minimum }),
      ...(maximum === undefined ? {} : { maximum }),
      ...(type === "number" ? { nullable: true } : {}),
    };
  }
  return null;
}

/** Ids of the components a backend listener writes to (a `gr.update` there changes the session's copy). */
function writtenComponents(dependencies: readonly JsonObject[]): Set<unknown> {
  const written = new Set<unknown>();
  for (const dep of dependencies) {
    if (dep["backend_fn"] === false) continue;
    for (const id of Array.isArray(dep["outputs"]) ? dep["outputs"] : []) written.add(id);
  }
  return written;
}

/** The endpoints with `rule` set on the parameters whose server refuses some values. */
export function withValidationRules(endpoints: readonly EndpointModel[], config: JsonObject | null): EndpointModel[] {
  const version = versionOf(config && typeof config["version"] === "string" ? config["version"].trim() : null);
  if (config === null || version === null) return [...endpoints];
  const maxFileSize = finite(config["max_file_size"]);
  const { dependencies, components } = configTables(config);
  const byId = new Map<number, JsonObject>();
  dependencies.forEach((dep, i) => {
    const id = typeof dep["id"] === "number" ? dep["id"] : i;
    if (!byId.has(id)) byId.set(id, dep);
  });
  const written = writtenComponents(dependencies);
  return endpoints.map((endpoint) => {
    const dep = endpoint.fnIndex === null ? undefined : byId.get(endpoint.fnIndex);
    const ids = dep && Array.isArray(dep["inputs"]) ? (dep["inputs"] as unknown[]) : null;
    if (!dep || ids === null || !ids.every((id) => typeof id === "number")) return endpoint;
    if (dep["api_visibility"] !== undefined && dep["api_visibility"] !== "public") return endpoint;
    const slots = wireSlots(ids as number[], components);
    if (publicCount(slots) !== endpoint.parameters.length) return endpoint;
    const rules: (ParamRule | null)[] = endpoint.parameters.map(() => null);
    slots.forEach((slot, position) => {
      if (slot.kind !== "param") return;
      const id = ids[position];
      const component = components.get(id as number);
      const param = endpoint.parameters[slot.param] as ParameterModel;
      if (param.filePaths.length > 0) {
        const extensions = written.has(id) ? null : fileExtensions(component, version);
        const rule: ParamRule = {
          ...(maxFileSize === undefined || version < SINCE.maxFileSize ? {} : { maxBytes: maxFileSize }),
          ...(extensions === null ? {} : { extensions }),
        };
        rules[slot.param] = Object.keys(rule).length > 0 ? rule : null;
      } else if (component && !written.has(id)) {
        rules[slot.param] = componentRule(component, version);
      }
    });
    if (rules.every((rule) => rule === null)) return endpoint;
    return {
      ...endpoint,
      parameters: endpoint.parameters.map((param, i) => {
        const rule = rules[i];
        return rule ? { ...param, rule } : param;
      }),
    };
  });
}
