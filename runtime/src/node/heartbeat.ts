/**
 * Node-only heartbeat over node:http(s) with an unref'd socket: an idle session never keeps a
 * script alive, so a program that only awaited calls exits by itself (the "never hangs"),
 * while `close()` still ends the heartbeat explicitly so the server runs `unload` at once.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Heartbeat } from "../session/heartbeat.js";

/** Opens `GET url` and discards its body; errors are ignored. */
export function openNodeHeartbeat(url: string, headers: Readonly<Record<string, string>>): Heartbeat {
  const target = new URL(url);
  const request = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, {
    headers: { ...headers, accept: "text/event-stream" },
    agent: false, // a socket of its own, never returned to a keep-alive pool
  });
  request.on("socket", (socket) => socket.unref());
  request.on("response", (response) => {
    response.on("error", () => {});
    response.resume();
  });
  request.on("error", () => {});
  request.end();
  return { close: () => void request.destroy() };
}
