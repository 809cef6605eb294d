/**
 * Schemas for components of Gradio 3.0–3.39 configs, which carry no `api_info`: derived from the
 * component type and its props (choices, multiselect), so old apps get real types instead of
 * `unknown`. File-like 3.x values are strings (a path, URL or base64 data, per their serializer).
 */
import { isObject, type JsonObject } from "../load/raw-schema.js";

const STRING_TYPES = new Set([
  "textbox",
  "textarea",
  "markdown",
  "html",
  "code",
  "colorpicker",
  "datetime",
  "image",
  "audio",
  "video",
  "file",
  "model3d",
  "uploadbutton",
]);
const NUMBER_TYPES = new Set(["number", "slider"]);
const JSON_TYPES = new Set([
  "json",
  "label",
  "highlightedtext",
  "chatbot",
  "dataframe",
  "plot",
  "gallery",
  "timeseries",
  "annotatedimage",
]);

/** A JSON Schema for a 3.x component, or undefined when its type says nothing useful. */
export function legacyComponentSchema(component: JsonObject | undefined): unknown {
  if (!component) return undefined;
  const type = typeof component["type"] === "string" ? component["type"].toLowerCase() : "";
  const props = isObject(component["props"]) ? component["props"] : {};
  if (STRING_TYPES.has(type)) return { type: "string" };
  if (NUMBER_TYPES.has(type)) return { type: "number" };
  if (type === "checkbox") return { type: "boolean" };
  if (JSON_TYPES.has(type)) return { type: {} };
  const choices = choiceValues(props["choices"]);
  if (type === "radio" || type === "dropdown") {
    const one = choices.length > 0 ? { type: "string", enum: choices } : { type: "string" };
    return props["multiselect"] === true ? { type: "array", items: one } : one;
  }
  if (type === "checkboxgroup")
    return { type: "array", items: choices.length > 0 ? { type: "string", enum: choices } : { type: "string" } };
  return undefined;
}

/** 3.x choices: plain values, or `[label, value]` pairs. */
function choiceValues(choices: unknown): string[] {
  if (!Array.isArray(choices)) return [];
  return choices.flatMap((choice) => {
    const value: unknown = Array.isArray(choice) ? choice[1] : choice;
    return typeof value === "string" ? [value] : typeof value === "number" ? [String(value)] : [];
  });
}
