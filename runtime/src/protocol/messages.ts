/**
 * Typed queue messages (gradio-protocol.md §3.2 "Message catalogue") and a pure decoder from raw
 * JSON to them. Unknown `msg` values are kept as `unknown` rather than rejected.
 */

export interface ProgressUnit {
  readonly index: number | null;
  readonly length: number | null;
  readonly unit: string | null;
  readonly progress: number | null;
  readonly desc: string | null;
}

export interface OutputPayload {
  readonly data?: unknown[];
  readonly error?: string | null;
  readonly title?: string | null;
  readonly is_generating?: boolean;
}

export type QueueMessage =
  | { readonly msg: "estimation"; readonly event_id: string | null; readonly rank: number | null; readonly queue_size: number | null; readonly rank_eta: number | null }
  | { readonly msg: "process_starts"; readonly event_id: string | null; readonly eta: number | null }
  | { readonly msg: "progress"; readonly event_id: string | null; readonly progress_data: readonly ProgressUnit[] | null }
  | { readonly msg: "log"; readonly event_id: string | null; readonly log: string; readonly level: string; readonly title: string | null }
  | { readonly msg: "process_generating" | "process_streaming"; readonly event_id: string | null; readonly output: OutputPayload; readonly success: boolean }
  | { readonly msg: "process_completed"; readonly event_id: string | null; readonly output: OutputPayload; readonly success: boolean; readonly title: string | null }
  | { readonly msg: "heartbeat" | "close_stream"; readonly event_id: string | null }
  | { readonly msg: "unexpected_error" | "server_stopped"; readonly event_id: string | null; readonly message: string | null; readonly session_not_found: boolean }
  | { readonly msg: "unknown"; readonly event_id: string | null; readonly raw: unknown };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function output(value: unknown): OutputPayload {
  if (!isObj(value)) return {};
  const result: { data?: unknown[]; error?: string | null; title?: string | null; is_generating?: boolean } = {};
  if (Array.isArray(value["data"])) result.data = value["data"];
  if ("error" in value) result.error = isLegacyAppError(value) ? fromPythonRepr(str(value["error"])) : str(value["error"]);
  if ("title" in value) result.title = str(value["title"]);
  if (typeof value["is_generating"] === "boolean") result.is_generating = value["is_generating"];
  return result;
}

/**
 * A gr.Error payload of Gradio 4.x: it carries gr.Error's `duration`/`visible` but no `title` (added
 * in 5.0), and its text is `str(gr.Error)`, which there is `repr(message)` — a Python string
 * literal, quotes included (gradio 4.44 `utils.error_payload`, `exceptions.Error.__str__`).
 */
function isLegacyAppError(payload: Obj): boolean {
  return ("duration" in payload || "visible" in payload) && !("title" in payload);
}

const PY_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t" };

/** The string a Python `repr(str)` literal stands for; anything else is returned unchanged. */
function fromPythonRepr(text: string | null): string | null {
  const quoted = text === null ? null : /^(['"])([\s\S]*)\1$/.exec(text);
  if (!quoted) return text;
  return (quoted[2] as string).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (all, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return PY_ESCAPES[code] ?? all;
  });
}

/** Decodes one parsed JSON message of the queue data stream. */
export function decodeMessage(raw: unknown): QueueMessage {
  if (!isObj(raw)) return { msg: "unknown", event_id: null, raw };
  const event_id = str(raw["event_id"]);
  switch (raw["msg"]) {
    case "estimation":
      return { msg: "estimation", event_id, rank: num(raw["rank"]), queue_size: num(raw["queue_size"]), rank_eta: num(raw["rank_eta"]) };
    case "process_starts":
      return { msg: "process_starts", event_id, eta: num(raw["eta"]) };
    case "progress":
      return { msg: "progress", event_id, progress_data: Array.isArray(raw["progress_data"]) ? raw["progress_data"].map(progressUnit) : null };
    case "log":
      return { msg: "log", event_id, log: str(raw["log"]) ?? "", level: str(raw["level"]) ?? "info", title: str(raw["title"]) };
    case "process_generating":
    case "process_streaming":
      return { msg: raw["msg"], event_id, output: output(raw["output"]), success: raw["success"] !== false };
    case "process_completed":
      return { msg: "process_completed", event_id, output: output(raw["output"]), success: raw["success"] === true, title: str(raw["title"]) };
    case "heartbeat":
    case "close_stream":
      return { msg: raw["msg"], event_id };
    case "unexpected_error":
    case "server_stopped":
      return { msg: raw["msg"], event_id, message: str(raw["message"]), session_not_found: raw["session_not_found"] === true };
    default:
      return { msg: "unknown", event_id, raw };
  }
}

function progressUnit(value: unknown): ProgressUnit {
  const o = isObj(value) ? value : {};
  return { index: num(o["index"]), length: num(o["length"]), unit: str(o["unit"]), progress: num(o["progress"]), desc: str(o["desc"]) };
}
