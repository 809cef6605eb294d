/**
 * A pure Server-Sent Events parser (WHATWG "event stream interpretation"): feed it decoded text in
 * chunks of any size, it calls `onEvent` once per dispatched event. No I/O, no timers.
 */

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
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = "";
  let data: string[] = [];
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
    if (field === "data") data.push(value);
    else if (field === "event") eventName = value;
    else if (field === "id" && !value.includes("\0")) id = value;
  };

  return {
    feed(chunk) {
      let text = chunk;
      // A CRLF split across chunks: the CR ended the line already, drop the LF.
      if (sawCr && text.startsWith("\n")) text = text.slice(1);
      sawCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer.charCodeAt(i);
        if (ch !== 10 && ch !== 13) continue;
        processLine(buffer.slice(start, i));
        if (ch === 13) {
          if (i + 1 < buffer.length) {
            if (buffer.charCodeAt(i + 1) === 10) i++;
          } else {
            sawCr = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    reset() {
      buffer = "";
      data = [];
      eventName = "";
      id = undefined;
      sawCr = false;
    },
  };
}
