/**
 * `POST {P}/queue/join` (gradio-protocol.md §3.2 "Join") and `POST {P}/cancel` (§3.6), with the
 * server's error answers mapped to typed errors.
 */
import { GradioError, HttpError, SchemaDriftError, ValidationError } from "../errors.js";
import { send, httpError, type HttpContext } from "../transport/http.js";

export interface JoinRequest {
  readonly http: HttpContext;
  readonly api: string;
  readonly label: string;
  readonly fnIndex: number;
  readonly sessionHash: string;
  readonly data: readonly unknown[];
  readonly signal: AbortSignal | undefined;
  /** Ask for full values on every yield instead of diffs (`simple_format`, gradio-protocol.md §3.2). */
  readonly simpleFormat?: boolean;
  /** `oauth_token` of the join body, for endpoints taking a `gr.OAuthToken` (6.21+, §3.2). */
  readonly oauthToken?: string | undefined;
  /** Extra headers of this join only (e.g. a relayed `x-ip-token`, §6.1); app origin only. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Queues a job; returns its event id. */
export async function join(request: JoinRequest): Promise<string> {
  const url = `${request.api}/queue/join`;
  const body = JSON.stringify({
    data: request.data,
    fn_index: request.fnIndex,
    session_hash: request.sessionHash,
    event_data: null,
    trigger_id: null,
    ...(request.simpleFormat ? { simple_format: true } : {}),
    ...(request.oauthToken === undefined ? {} : { oauth_token: request.oauthToken }),
  });
  // Private headers: sent to the app's origin only, dropped on a redirect elsewhere.
  const http = request.headers ? { ...request.http, privateHeaders: { ...request.http.privateHeaders, ...request.headers } } : request.http;
  const response = await send(http, url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-gradio-user": "api" },
    signal: request.signal,
  });
  const text = await response.text();
  if (response.ok) {
    const eventId = parseEventId(text);
    if (eventId === null) throw new GradioError("PROTOCOL", `POST ${url}: no event_id in ${text.slice(0, 120)}`);
    return eventId;
  }
  throw joinError(request, url, response.status, text);
}

function joinError(request: JoinRequest, url: string, status: number, text: string): GradioError {
  const detail = parseDetail(text);
  if (status === 503) {
    return new HttpError({ method: "POST", url, status, body: text, code: "QUEUE_FULL", detail: typeof detail === "string" ? detail : "queue full" });
  }
  if (status === 422 && Array.isArray(detail) && detail.some((d) => isRecord(d) && d["__type__"] === "validate")) {
    const issues = detail
      .filter((d): d is Record<string, unknown> => isRecord(d) && d["is_valid"] === false)
      .map((d) => ({ parameter: typeof d["parameter_name"] === "string" ? d["parameter_name"] : null, message: String(d["message"] ?? "") }));
    return new ValidationError(request.label, issues);
  }
  if (status === 500 && /KeyError|Internal Server Error/i.test(text)) {
    return new SchemaDriftError(`${request.label}: the server does not know fn_index ${request.fnIndex} (HTTP 500 on join)`, { cause: httpError("POST", url, status, text) });
  }
  return httpError("POST", url, status, text);
}

/** Asks the server to stop a job (Gradio ≥ 4.31); failures are ignored, the caller already gave up. */
export async function cancel(request: Omit<JoinRequest, "data" | "signal">, eventId: string): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await send(request.http, `${request.api}/cancel`, {
      method: "POST",
      body: JSON.stringify({ session_hash: request.sessionHash, fn_index: request.fnIndex, event_id: eventId }),
      headers: { "content-type": "application/json" },
      signal: controller.signal,
    });
    await response.body?.cancel();
  } catch {
    // best effort: the job is abandoned locally either way
  } finally {
    clearTimeout(timer);
  }
}

function parseEventId(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) && typeof value["event_id"] === "string" ? value["event_id"] : null;
  } catch {
    return null;
  }
}

function parseDetail(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value["detail"] : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
