/**
 * One discovery (Hub, login, `/config`) shared by a client's calls, aborted when every call
 * waiting for it gave up (runtime/src/limits.ts, README "Limits").
 */
import type { Connection } from "./connection.js";
import { anySignal } from "../util/any-signal.js";
/** One discovery shared by a client's calls (see {@link createDiscovery}). */
export interface Discovery {
  /** The connection for a call: starts discovery with `start` if none is under way; rejects with `signal`'s reason when it aborts first. */
  get(signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<Connection>): Promise<Connection>;
  /** The discovery under way or done, if any. */
  readonly current: Promise<Connection> | null;
}

/**
 * Discovery (Hub, login, `/config`) is shared by the calls that wait for it. When every waiting
 * call has given up (abort, timeout), its requests are aborted and the next call starts afresh,
 * so no call waits on a request nobody wants, and no such request keeps a process alive. A failed
 * discovery is forgotten too (the next call retries); the client's close aborts it.
 */
export function createDiscovery(lifetime: AbortSignal): Discovery {
  let current: { promise: Promise<Connection>; controller: AbortController; settled: boolean; waiters: number } | null =
    null;
  return {
    get current() {
      return current?.promise ?? null;
    },
    get(signal, start) {
      if (!current) {
        const controller = new AbortController();
        const attempt = {
          promise: start(anySignal([lifetime, controller.signal])),
          controller,
          settled: false,
          waiters: 0,
        };
        current = attempt;
        attempt.promise.then(
          () => void (attempt.settled = true),
          () => {
            attempt.settled = true;
            if (current === attempt) current = null;
          },
        );
      }
      const attempt = current;
      return new Promise<Connection>((resolve, reject) => {
        attempt.waiters++;
        let left = false;
        const leave = () => {
          if (left) return false;
          left = true;
          attempt.waiters--;
          signal?.removeEventListener("abort", onAbort);
          return true;
        };
        const onAbort = () => {
          if (!leave()) return;
          reject(signal?.reason);
          if (attempt.waiters === 0 && !attempt.settled) {
            attempt.controller.abort(signal?.reason);
            if (current === attempt) current = null;
          }
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        attempt.promise.then(
          (connection) => leave() && resolve(connection),
          (error: unknown) => leave() && reject(error),
        );
      });
    },
  };
}
