/**
 * The SSE parser, fed the way queue-stream.ts feeds it (bytes → streaming TextDecoder → feed),
 * with every recorded stream split at every byte offset, in LF, CRLF and CR line-ending variants.
 */
import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "../../runtime/src/sse/parser.js";
import { STREAMS } from "./fixtures/streams.js";

const ENDINGS = { LF: "\n", CRLF: "\r\n", CR: "\r" } as const;

/** Parses byte chunks exactly like QueueStream#readOnce does. */
function parseChunks(chunks: readonly Uint8Array[]): { event: string; data: string }[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  const decoder = new TextDecoder();
  for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  return events.map(({ event, data }) => ({ event, data }));
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("SSE parser: recorded streams split at every byte offset", () => {
  for (const fixture of STREAMS) {
    for (const [ending, eol] of Object.entries(ENDINGS)) {
      it(`${fixture.name} (${ending})`, () => {
        const bytes = encode(fixture.text.replaceAll("\n", eol));
        expect(parseChunks([bytes])).toEqual(fixture.events);
        for (let k = 0; k <= bytes.length; k++) {
          const got = parseChunks([bytes.subarray(0, k), bytes.subarray(k)]);
          if (JSON.stringify(got) !== JSON.stringify(fixture.events)) {
            expect({ splitAt: k, got }).toEqual({ splitAt: k, got: fixture.events });
          }
        }
      });
    }
  }

  it("every stream fed one byte at a time (CRLF)", () => {
    for (const fixture of STREAMS) {
      const bytes = encode(fixture.text.replaceAll("\n", "\r\n"));
      const chunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
      expect(parseChunks(chunks)).toEqual(fixture.events);
    }
  });

  it("every stream split at three pseudo-random offsets, 500 times each", () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const fixture of STREAMS) {
      for (const eol of Object.values(ENDINGS)) {
        const bytes = encode(fixture.text.replaceAll("\n", eol));
        for (let round = 0; round < 500; round++) {
          const cuts = [rand(bytes.length + 1), rand(bytes.length + 1), rand(bytes.length + 1)].sort((a, b) => a - b);
          const chunks = [0, ...cuts].map((from, i) => bytes.subarray(from, [...cuts, bytes.length][i]));
          expect(parseChunks(chunks)).toEqual(fixture.events);
        }
      }
    }
  });
});

describe("SSE parser: details", () => {
  it("a split multibyte character decodes to the same text (2-, 3- and 4-byte characters)", () => {
    for (const ch of ["é", "日", "🎉"]) {
      const bytes = encode(`data: ${ch}\n\n`);
      for (let k = 6; k < bytes.length - 2; k++) {
        expect(parseChunks([bytes.subarray(0, k), bytes.subarray(k)])).toEqual([{ event: "message", data: ch }]);
      }
    }
  });

  it("a CR, then an empty chunk, then the LF of the same CRLF is one line break", () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    for (const chunk of ["data: a\r", "", "\ndata: b\r", "", "\n\r", "", "\n"]) parser.feed(chunk);
    expect(events.map((e) => e.data)).toEqual(["a\nb"]);
  });

  it("a UTF-8 BOM at the start is dropped by the decoder, not seen as a field name", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("data: x\n\n")]);
    for (let k = 0; k <= bytes.length; k++) {
      expect(parseChunks([bytes.subarray(0, k), bytes.subarray(k)])).toEqual([{ event: "message", data: "x" }]);
    }
  });

  it("an event without the final blank line is not dispatched; reset() forgets it", () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.feed("data: partial\n");
    parser.reset();
    parser.feed("data: whole\n\n");
    expect(events.map((e) => e.data)).toEqual(["whole"]);
  });

  it("id is remembered for later events; ids with NUL are ignored", () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.feed("id: 7\ndata: a\n\ndata: b\n\nid: x\0y\ndata: c\n\n");
    expect(events.map((e) => e.id)).toEqual(["7", "7", "7"]);
  });

  it("a 1 MB data line fed in 1 KB chunks is parsed in linear time", () => {
    const payload = "x".repeat(1 << 20);
    const text = `data: ${payload}\n\n`;
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    const started = performance.now();
    for (let i = 0; i < text.length; i += 1024) parser.feed(text.slice(i, i + 1024));
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(payload.length);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
