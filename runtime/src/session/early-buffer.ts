/**
 * Messages of the queue stream whose event id has no job yet: a job's first messages can arrive
 * before its join answered. A server can also stream for ids that never register, so the buffer is
 * bounded in characters (`limits.maxBufferedBytes`) and in ids: over either bound the oldest id's
 * messages go, and that id is remembered as lost, so a job that registers for it later fails with
 * LIMIT_EXCEEDED instead of waiting for messages that were dropped.
 */
import { limitError } from "../limits.js";
import type { GradioError } from "../errors.js";

export interface EarlyBuffer {
  /** Holds `message` (`chars` long as received) for `id`. */
  push(id: string, message: unknown, chars: number): void;
  /** The messages held for `id` (forgotten here), or the error if some of them were dropped. */
  take(id: string): unknown[] | GradioError;
  /** Forgets `id`. */
  drop(id: string): void;
  clear(): void;
  /** Characters held right now (what the cap bounds). */
  readonly heldChars: number;
}

interface Entry {
  readonly messages: unknown[];
  chars: number;
}

export function createEarlyBuffer(maxChars: number, maxIds: number): EarlyBuffer {
  const entries = new Map<string, Entry>();
  const lost = new Set<string>();
  let held = 0;

  const evictOldest = () => {
    const [id, entry] = entries.entries().next().value as [string, Entry];
    entries.delete(id);
    held -= entry.chars;
    if (lost.size >= maxIds) lost.delete(lost.values().next().value as string);
    lost.add(id);
  };

  return {
    push(id, message, chars) {
      if (lost.has(id)) return;
      let entry = entries.get(id);
      if (!entry) {
        if (entries.size >= maxIds) evictOldest();
        entries.set(id, (entry = { messages: [], chars: 0 }));
      }
      entry.messages.push(message);
      entry.chars += chars;
      held += chars;
      while (held > maxChars && entries.size > 0) evictOldest();
    },
    take(id) {
      if (lost.delete(id))
        return limitError(`the messages that arrived for job ${id} before it registered`, "maxBufferedBytes", maxChars);
      const entry = entries.get(id);
      if (!entry) return [];
      entries.delete(id);
      held -= entry.chars;
      return entry.messages;
    },
    drop(id) {
      const entry = entries.get(id);
      if (entry) held -= entry.chars;
      entries.delete(id);
      lost.delete(id);
    },
    clear() {
      entries.clear();
      lost.clear();
      held = 0;
    },
    get heldChars() {
      return held;
    },
  };
}
