/**
 * The validation feature: a call's arguments against the rules the generator found in the app's
 * `/config` (`ParamSpec.rule`), before any request. Modules pass it per endpoint, only for endpoints
 * with rules, so the others never bundle it; endpoints with file rules get `fileValidation`
 * (files.ts), the others this one without the file checks.
 */
import { InvalidArgumentError } from "../errors.js";
import type { ParamRule, ParamSpec } from "../spec.js";
import type { ValidationFeature } from "../features.js";
import { shortJson } from "../util/short-json.js";
import { refusal, type Refusal } from "./check.js";

/** Checks one file parameter's value (files.ts). */
export type FileCheck = (rule: ParamRule, value: unknown, param: ParamSpec) => Refusal | null;

/** The feature, with `files` checking file parameters (without it they pass). */
export function createValidation(files?: FileCheck): ValidationFeature {
  return async (spec, args, label) => {
    for (const [i, param] of spec.params.entries()) {
      const value = args[i];
      const rule = param.rule;
      // An omitted argument sends the server's own default, or fails as missing (session/inputs.ts).
      if (rule === undefined || value === undefined) continue;
      const refused = param.files === undefined ? refusal(rule, value) : (files?.(rule, value, param) ?? null);
      if (refused === null) continue;
      const received =
        param.files !== undefined
          ? String(refused.part)
          : refused.part === undefined
            ? shortJson(value)
            : `${shortJson(refused.part)} (in ${shortJson(value, 40)})`;
      throw new InvalidArgumentError({
        endpoint: label,
        parameter: param.name,
        position: i + 1,
        received,
        allowed: refused.allowed,
        value,
      });
    }
  };
}

/** Throws INVALID_ARGUMENT for the first argument the app's server would refuse (no file rules). */
export const validation: ValidationFeature = /* @__PURE__ */ createValidation();
