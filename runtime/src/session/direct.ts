/**
 * Listeners with `queue=False` (docs/protocol.md §3.5): one `POST {P}/run/predict` with the
 * fn_index in the body answers with the result — one request instead of join + stream, as the
 * JS client does for them. There are no status events and no server-side cancel (an abort drops
 * the request). A server that refuses a direct call (404/405: the listener is queued now) gets
 * null back, and the client joins the queue instead.
 */
import type { DirectFeature } from "../features.js";
import { DEFAULT_LIMITS, limitError } from "../limits.js";
import { httpError, send, withPrivateHeaders } from "../transport/http.js";
import { readTextCapped } from "../util/read-capped.js";
import { isObj, parseJson, str } from "../util/json.js";
import { appError } from "./job.js";

/** Direct calls, passed to `createAppClient` by modules with a `queue=False` endpoint. */
export const direct: DirectFeature = async (request) => {
  const { http, headers, label } = request;
  const url = `${request.api}/run/predict`;
  const body = JSON.stringify({
    data: request.data,
    fn_index: request.fnIndex,
    session_hash: request.sessionHash,
    event_data: null,
    trigger_id: null,
    oauth_token: request.oauthToken,
  });
  const ctx = withPrivateHeaders(http, headers);
  const response = await send(ctx, url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    signal: request.signal,
    secretBody: request.oauthToken !== undefined,
  });
  // The answer is the result: bounded like one queue message (limits.maxMessageBytes).
  const max = (request.limits ?? DEFAULT_LIMITS).maxMessageBytes;
  const text = await readTextCapped(response, max, () => limitError(`POST ${url}: the result`, "maxMessageBytes", max));
  const json = parseJson(text);
  if (response.ok && isObj(json) && Array.isArray(json["data"])) return json["data"];
  if (response.status === 404 || response.status === 405) return null;
  if (isObj(json) && "error" in json) throw appError(label, json, str(json["title"]));
  throw httpError("POST", url, response.status, text);
};
