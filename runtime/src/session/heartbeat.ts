/**
 * The session heartbeat `GET {P}/heartbeat/{session_hash}` (docs/protocol.md §3.7): while it is
 * open the server treats the session as alive; closing it runs the app's `unload` listeners and
 * lets its State expire (one hour after its last write). The body ("data: ALIVE" every 15 s) is
 * read and discarded.
 */
import type { HeartbeatFeature } from "../features.js";
import { send, type HttpContext } from "../transport/http.js";

/** An open heartbeat request. */
export interface Heartbeat {
  close(): void;
  /**
   * Marks a call in progress; the returned function marks its end. A heartbeat that has it is open
   * only while calls are in progress (see {@link heartbeat}); without it, it stays open until `close()`.
   */
  hold?(): () => void;
}

/** Platform hook: opens the heartbeat (the Node entry's version does not hold the event loop). */
export type HeartbeatOpener = (url: string, headers: Readonly<Record<string, string>>) => Heartbeat;

/** Opens the heartbeat with the client's fetch; failures are ignored (it only helps the server clean up). */
export function openFetchHeartbeat(http: HttpContext, url: string): Heartbeat {
  const controller = new AbortController();
  void (async () => {
    const response = await send(http, url, { headers: { accept: "text/event-stream" }, signal: controller.signal });
    const reader = response.body?.getReader();
    if (!reader) return;
    for (;;) if ((await reader.read()).done) return;
  })().catch(() => {});
  return { close: () => controller.abort() };
}

/**
 * The heartbeat feature of the universal entry (the Node entry has its own, on an unref'd socket).
 * In a page it stays open until `close()`. Elsewhere (Deno, Bun, workers running the universal
 * bundle) an open fetch keeps the process alive and cannot be unref'd, so it is open only while
 * calls are in progress: a script that awaited its calls exits by itself; State written by those
 * calls still lives on the server for an hour after its last write.
 */
export const heartbeat: HeartbeatFeature = (http, url) => {
  if (typeof document !== "undefined") return openFetchHeartbeat(http, url);
  let open: Heartbeat | null = null;
  let calls = 0;
  return {
    hold() {
      calls += 1;
      open ??= openFetchHeartbeat(http, url);
      let held = true;
      return () => {
        if (held && --calls === 0) {
          open?.close();
          open = null;
        }
        held = false;
      };
    },
    close() {
      open?.close();
      open = null;
    },
  };
};
