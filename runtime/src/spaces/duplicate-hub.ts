/**
 * The Hub requests of a duplication (docs/protocol.md §6.3), with the token as `Authorization:
 * Bearer` to the Hub's origin only (the runtime's HTTP context enforces it), each bounded.
 */
import { GradioError } from "../errors.js";
import { send, type FetchLike, type HttpContext } from "../transport/http.js";
import { isObj, parseJson, type Obj } from "../util/json.js";

export interface HubSession {
  readonly hub: string;
  readonly http: HttpContext;
  /** Aborts on the caller's signal and at the duplication's deadline. */
  readonly signal: AbortSignal;
  readonly deadline: number;
  readonly timeoutMs: number;
}

export interface HubAnswer {
  readonly status: number;
  readonly url: string;
  readonly method: string;
  readonly text: string;
  /** The JSON object answered, or null. */
  readonly json: Obj | null;
}

/** A Hub session trusting the Hub's origin alone with the token. */
export function hubSession(
  hub: string,
  token: string,
  fetch: FetchLike,
  signal: AbortSignal,
  deadline: number,
  timeoutMs: number,
): HubSession {
  const http: HttpContext = {
    fetch,
    trustedOrigins: new Set([new URL(hub).origin]),
    privateHeaders: { authorization: `Bearer ${token}` },
  };
  return { hub, http, signal, deadline, timeoutMs };
}

/** One request to `{hub}{path}` (JSON body when given); at most 30 s, never past the deadline. */
export async function hubRequest(
  session: HubSession,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<HubAnswer> {
  const url = `${session.hub}${path}`;
  const limit = AbortSignal.timeout(Math.max(1, Math.min(30_000, session.deadline - Date.now())));
  const signal = AbortSignal.any([session.signal, limit]);
  try {
    const response = await send(session.http, url, {
      method,
      signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const text = await response.text();
    const json = parseJson(text);
    return { status: response.status, url, method, text, json: isObj(json) ? json : null };
  } catch (error) {
    if (!limit.aborted || session.signal.aborted) throw error;
    throw new GradioError("TIMEOUT", `${method} ${url}: the Hub did not answer in time`, { cause: error });
  }
}

/** The Hub's own message in an error answer (`{"error": "..."}`), or the start of the body. */
export function hubMessage(answer: HubAnswer): string {
  const error = answer.json?.["error"];
  return typeof error === "string" ? error : answer.text.slice(0, 200);
}

/** `runtime.hardware.requested`, else `current`, else null. */
export function requestedHardware(runtime: Obj | null): string | null {
  const hardware = runtime?.["hardware"];
  if (!isObj(hardware)) return null;
  const value = hardware["requested"] ?? hardware["current"];
  return typeof value === "string" ? value : null;
}
