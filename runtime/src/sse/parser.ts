/**
 * A pure Server-Sent Events parser (WHATWG "event stream interpretation"): feed it decoded text in
 * chunks of any size, it calls `onEvent` once per dispatched event. No I/O, no timers.
 * A line or an event longer than `maxChars` throws LIMIT_EXCEEDED before it is held in full.
 */
import { limitError } from "../limits.js";

export interface SseEvent {
  /** `event:` field; "message" when absent. */
  readonly event: string;
  /** Data lines joined with "\n". */
  readonly data: string;
  readonly id: string | undefined;
}

export interface SseParser {
  /** Feed the next chunk of decoded text. */
  feed(chunk: string): void;
  /** Forget any partial line/event (after a reconnect). */
  reset(): void;
}

/** Creates a parser that reports each complete event to `onEvent`. */
export function createSseParser(onEvent: (event: SseEvent) => void, maxChars = Infinity): SseParser {
  let pending: string[] = [];
  let pendingChars = 0;
  let data: string[] = [];
  let dataChars = 0;
  const check = (chars: number) => {
    if (chars > maxChars)
      throw limitError(`a server-sent event of more than ${maxChars} characters`, "maxMessageBytes", maxChars);
  };
  let eventName = "";
  let id: string | undefined;
  let lastId: string | undefined;
  let sawCr = false;

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ event: eventName || "message", data: data.join("\n"), id: id ?? lastId });
    }
    if (id !== undefined) lastId = id;
    data = [];
    dataChars = 0;
    eventName = "";
    id = undefined;
  };

  const processLine = (line: string) => {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      check((dataChars += value.length + 1));
      data.push(value);
    } else if (field === "event") eventName = value;
    else if (field === "id" && !value.includes("\0")) id = value;
  };

  return {
    feed(chunk) {
      // An empty chunk (a streaming TextDecoder holding half a character) must not forget a
      // pending CR, or the LF of a split CRLF would count as a second, blank line.
      if (chunk === "") return;
      // A CRLF split across chunks: the CR ended the line already, drop the LF.
      const from = sawCr && chunk.charCodeAt(0) === 10 ? 1 : 0;
      sawCr = false;
      // Only the new text is scanned; parts of an unfinished line wait in `pending`, so a long
      // line fed in small chunks costs linear time.
      let start = from;
      for (let i = from; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (ch !== 10 && ch !== 13) continue;
        const piece = chunk.slice(start, i);
        check(pendingChars + piece.length);
        processLine(pending.length === 0 ? piece : pending.join("") + piece);
        pending = [];
        pendingChars = 0;
        if (ch === 13) {
          if (i + 1 < chunk.length) {
            if (chunk.charCodeAt(i + 1) === 10) i++;
          } else {
            sawCr = true;
          }
        }
        start = i + 1;
      }
      if (start < chunk.length) {
        check((pendingChars += chunk.length - start));
        pending.push(chunk.slice(start));
      }
    },
    reset() {
      pending = [];
      pendingChars = 0;
      data = [];
      dataChars = 0;
      eventName = "";
      id = undefined;
      sawCr = false;
    },
  };
}
