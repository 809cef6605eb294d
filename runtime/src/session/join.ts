/**
 * `POST {P}/queue/join` (docs/protocol.md §3.2 "Join") and `POST {P}/cancel` (§3.6), with the
 * server's error answers mapped to typed errors.
 */
import { GradioError, HttpError, SchemaDriftError, ValidationError } from "../errors.js";
import { DEFAULT_LIMITS, limitError, type Limits } from "../limits.js";
import { httpError, send, withPrivateHeaders, type HttpContext } from "../transport/http.js";
import { isObj, parseJson, str } from "../util/json.js";
import { ERROR_BODY_BYTES, readTextCapped, readTextPrefix } from "../util/read-capped.js";

export interface JoinRequest {
  readonly http: HttpContext;
  readonly api: string;
  readonly label: string;
  readonly fnIndex: number;
  readonly sessionHash: string;
  readonly data: readonly unknown[];
  readonly signal: AbortSignal | undefined;
  /** Ask for full values on every yield instead of diffs (`simple_format`, docs/protocol.md §3.2). */
  readonly simpleFormat?: boolean;
  /** `oauth_token` of the join body, for endpoints taking a `gr.OAuthToken` (6.21+, §3.2). */
  readonly oauthToken?: string | undefined;
  /** Extra headers of this join only (e.g. a relayed `x-ip-token`, §6.1); app origin only. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The client's bounds (runtime/src/limits.ts): message sizes of direct calls and 4.0–4.8 streams. */
  readonly limits?: Limits | undefined;
}

const JSON_TYPE = { "content-type": "application/json" };

/** Queues a job; returns its event id. */
export async function join(request: JoinRequest): Promise<string> {
  const { http, label, fnIndex, signal } = request;
  const url = `${request.api}/queue/join`;
  const body = JSON.stringify({
    data: request.data,
    fn_index: fnIndex,
    session_hash: request.sessionHash,
    event_data: null,
    trigger_id: null,
    simple_format: request.simpleFormat || undefined,
    oauth_token: request.oauthToken,
  });
  const ctx = withPrivateHeaders(http, request.headers);
  const response = await send(ctx, url, {
    method: "POST",
    body,
    headers: { ...JSON_TYPE, "x-gradio-user": "api" },
    signal,
    secretBody: request.oauthToken !== undefined,
  });
  const { status } = response;
  // A join answers a few bytes (an event id, or an error): never buffered without a bound.
  const max = request.limits?.maxMessageBytes ?? DEFAULT_LIMITS.maxMessageBytes;
  const text = response.ok
    ? await readTextCapped(response, max, () => limitError(`POST ${url}: the answer`, "maxMessageBytes", max))
    : await readTextPrefix(response, ERROR_BODY_BYTES);
  const json = parseJson(text);
  const detail = isObj(json) ? json["detail"] : undefined;
  if (response.ok) {
    const eventId = isObj(json) ? str(json["event_id"]) : null;
    if (eventId === null) throw new GradioError("PROTOCOL", `POST ${url}: no event_id in ${text.slice(0, 120)}`);
    return eventId;
  }
  if (status === 503)
    throw new HttpError({
      method: "POST",
      url,
      status,
      body: text,
      code: "QUEUE_FULL",
      detail: str(detail) ?? "queue full",
    });
  if (status === 422 && Array.isArray(detail) && detail.some((d) => isObj(d) && d["__type__"] === "validate")) {
    throw new ValidationError(
      label,
      detail
        .filter((d) => isObj(d) && d["is_valid"] === false)
        .map((d: Record<string, unknown>) => ({
          parameter: str(d["parameter_name"]),
          message: String(d["message"] ?? ""),
        })),
    );
  }
  const error = httpError("POST", url, status, text);
  if (status === 500 && /KeyError|Internal Server Error/i.test(text))
    throw new SchemaDriftError(`${label}: the server does not know fn_index ${fnIndex} (HTTP 500 on join)`, {
      cause: error,
    });
  throw error;
}

/** Asks the server to stop a job (Gradio ≥ 4.31); failures are ignored, the caller already gave up. */
export async function cancel(request: Omit<JoinRequest, "data" | "signal">, eventId: string): Promise<void> {
  const body = JSON.stringify({ session_hash: request.sessionHash, fn_index: request.fnIndex, event_id: eventId });
  // Its own bounded signal with a cleared timer (AbortSignal.timeout would leave one behind).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    await (
      await send(request.http, `${request.api}/cancel`, {
        method: "POST",
        body,
        headers: JSON_TYPE,
        signal: controller.signal,
      })
    ).body?.cancel();
  } catch {
    // best effort: the job is abandoned locally either way
  }
  clearTimeout(timer);
}
