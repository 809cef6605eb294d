/**
 * What the queue messages (docs/protocol.md §3.2 "Message catalogue") carry that needs more than
 * reading a field: progress units and the text of an app error. Messages themselves stay the
 * parsed JSON the server sent; the job sink (session/job.ts) reads the fields it needs, narrowing
 * every one, so an unknown or ill-typed message is ignored instead of rejected.
 */
import { isObj, num, str, type Obj } from "../util/json.js";

export interface ProgressUnit {
  readonly index: number | null;
  readonly length: number | null;
  readonly unit: string | null;
  readonly progress: number | null;
  readonly desc: string | null;
}

/** One entry of a `progress` message's `progress_data`, every field checked. */
export function progressUnit(value: unknown): ProgressUnit {
  const o = isObj(value) ? value : {};
  return {
    index: num(o["index"]),
    length: num(o["length"]),
    unit: str(o["unit"]),
    progress: num(o["progress"]),
    desc: str(o["desc"]),
  };
}

/**
 * The app's error text in a failed `process_completed` output. A gr.Error payload of Gradio 4.x
 * carries `duration`/`visible` but no `title` (added in 5.0), and its text is `str(gr.Error)`,
 * which there is `repr(message)` — a Python string literal, quotes included (gradio 4.44
 * `utils.error_payload`, `exceptions.Error.__str__`): those quotes and escapes are undone.
 */
export function appErrorText(output: Obj): string | null {
  const text = str(output["error"]);
  const legacy = ("duration" in output || "visible" in output) && !("title" in output);
  const quoted = legacy && text !== null ? /^(['"])([\s\S]*)\1$/.exec(text) : null;
  if (!quoted) return text;
  return (quoted[2] as string).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (all, code: string) =>
    code.length > 1 ? String.fromCodePoint(parseInt(code.slice(1), 16)) : (PY_ESCAPES[code] ?? all),
  );
}

const PY_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t" };
