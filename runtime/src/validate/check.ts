/**
 * One parameter's value against its rule (`ParamRule`), judged as the app's server judges it
 * (Gradio's components' `preprocess`): a value the server accepts is never refused here.
 */
import type { ParamRule } from "../spec.js";
import { shortJson } from "../util/short-json.js";

/** Why a value is refused: what was allowed, and the offending part when it is not the whole value. */
export interface Refusal {
  readonly allowed: string;
  readonly part?: unknown;
}

/** Numbers and booleans compare as numbers in Python (`True == 1`, `1 < 2.5`). */
const numeric = (value: unknown): value is number | boolean => typeof value === "number" || typeof value === "boolean";

/** Python's `value in choices` for JSON scalars. */
function isChoice(value: unknown, choices: readonly (string | number | boolean)[]): boolean {
  return choices.some((choice) =>
    numeric(value) && numeric(choice) ? Number(value) === Number(choice) : value === choice,
  );
}

function listOf(choices: readonly unknown[]): string {
  const shown = choices.slice(0, 10).map((choice) => shortJson(choice, 40));
  return `one of ${shown.join(", ")}${choices.length > 10 ? `, … (${choices.length} choices)` : ""}`;
}

function checkChoices(
  rule: ParamRule,
  choices: readonly (string | number | boolean)[],
  value: unknown,
): Refusal | null {
  const allowed = listOf(choices);
  const select = rule.select ?? "one";
  if (select !== "each") {
    if (value === null) return null;
    if (select === "any" && Array.isArray(value)) {
      const index = value.findIndex((item) => !isChoice(item, choices));
      return index === -1 ? null : { allowed: `a list of ${allowed}`, part: value[index] };
    }
    return isChoice(value, choices) ? null : { allowed };
  }
  // CheckboxGroup iterates the value: a list's elements, a string's characters, an object's keys.
  const items = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? Array.from(value)
      : typeof value === "object" && value !== null
        ? Object.keys(value)
        : null;
  if (items === null) return { allowed: `a list of ${allowed}` };
  const index = items.findIndex((item) => !isChoice(item, choices));
  return index === -1 ? null : { allowed: `a list of ${allowed}`, part: items[index] };
}

function checkRange(rule: ParamRule, value: unknown): Refusal | null {
  const { minimum, maximum } = rule;
  const bounds = [
    ...(minimum === undefined ? [] : [`≥ ${minimum}`]),
    ...(maximum === undefined ? [] : [`≤ ${maximum}`]),
  ].join(" and ");
  if (value === null && rule.nullable) return null;
  const allowed = `a number ${bounds}${rule.nullable ? " (or null)" : ""}`;
  if (!numeric(value)) return { allowed };
  const n = Number(value);
  return (minimum !== undefined && n < minimum) || (maximum !== undefined && n > maximum) ? { allowed } : null;
}

/**
 * The value as the server receives it (JSON: NaN becomes null, a Date its string), or undefined
 * when it has no JSON form; such a value is left to the request to refuse.
 */
function asSent(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Null when the server accepts `value` (a non-file value) under `rule`, else why not. */
export function refusal(rule: ParamRule, value: unknown): Refusal | null {
  if (rule.choices === undefined && rule.minimum === undefined && rule.maximum === undefined) return null;
  const sent = asSent(value);
  if (sent === undefined) return null;
  if (rule.choices !== undefined) return checkChoices(rule, rule.choices, sent);
  return checkRange(rule, sent);
}
