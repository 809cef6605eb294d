/**
 * Turns the data of one SSE event of the queue stream into a typed message. A line that is not
 * valid JSON is attributed to its job when its `event_id` can still be read (or when only one job
 * is pending), so one bad message fails one job, not the whole session (issue 4 "Bad input").
 */
import { decodeMessage, type QueueMessage } from "../protocol/messages.js";

/** Parses `data`; `soleEventId` is the only pending job, if there is exactly one. */
export function parseStreamMessage(data: string, url: string, soleEventId: string | undefined): QueueMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch (error) {
    const eventId = /"event_id"\s*:\s*"([^"\\]{1,200})"/.exec(data)?.[1] ?? soleEventId ?? null;
    const reason = error instanceof Error ? error.message : String(error);
    const message = `malformed message on ${url}: ${data.slice(0, 120)} (${reason})`;
    // Unattributable: reported as an unknown message, which fails nobody.
    if (eventId === null) return { msg: "unknown", event_id: null, raw: message };
    return { msg: "unexpected_error", event_id: eventId, message, session_not_found: false };
  }
  return decodeMessage(raw);
}
