/**
 * The session heartbeat `GET {P}/heartbeat/{session_hash}` (gradio-protocol.md §3.7): while it is
 * open the server treats the session as alive; closing it runs the app's `unload` listeners and
 * lets its State expire. The body ("data: ALIVE" every 15 s) is read and discarded.
 */
import type { HeartbeatFeature } from "../features.js";
import { send, type HttpContext } from "../transport/http.js";

/** An open heartbeat request. */
export interface Heartbeat {
  close(): void;
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

/** The heartbeat feature of the universal entry (the Node entry has its own). */
export const heartbeat: HeartbeatFeature = (http, url) => openFetchHeartbeat(http, url);
