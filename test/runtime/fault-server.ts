/**
 * A small purpose-built misbehaving "Gradio" for the bounds tests (issue 10 items 6–11, 13, 15):
 * no real Gradio floods, hangs or truncates on purpose, so each test scripts the fault it stands
 * for (a buggy proxy, a flood, a hung server, a truncated download) on top of a minimal queue
 * protocol: `POST /queue/join` answers `{event_id}`, `GET /queue/data` is left to the test.
 * Free port, closed after the test file; every request is recorded, with whether the client closed it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import type { AppSpec, EndpointSpec } from "../../runtime/src/index.js";

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void;

export interface SeenRequest {
  readonly path: string;
  /** Resolves when the client closed the connection before the server ended the answer. */
  readonly closedByClient: Promise<void>;
}

export interface FaultServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Requests whose path starts with `prefix`. */
  count(prefix: string): number;
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

/** Starts a server; `routes` maps a path prefix to its handler (first match wins); join has a default. */
export async function faultServer(routes: Readonly<Record<string, Handler>>): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  let nextId = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const closedByClient = new Promise<void>((resolve) => res.on("close", () => !res.writableFinished && resolve()));
    const entry = { path, closedByClient };
    seen.push(entry);
    const route = Object.keys(routes).find((prefix) => path.startsWith(prefix));
    if (route) return routes[route]?.(req, res, entry);
    if (path.startsWith("/queue/join")) return json(res, { event_id: `job-${nextId++}` });
    if (path.startsWith("/cancel")) return json(res, { success: true });
    res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, count: (prefix) => seen.filter((s) => s.path.startsWith(prefix)).length };
}

export function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
}

/** Starts an SSE answer. */
export function sse(res: ServerResponse): (message: unknown) => boolean {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  return (message) => res.write(`data: ${typeof message === "string" ? message : JSON.stringify(message)}\n\n`);
}

/** The app of a fault server: generated facts complete (no /config read), queue protocol sse_v3, no prefix. */
export const faultApp = (url: string, facts: Partial<AppSpec> = {}): AppSpec => ({
  source: url,
  baseUrl: url,
  spaceId: null,
  gradioVersion: null,
  protocol: "sse_v3",
  apiPrefix: "",
  connectHeartbeat: false,
  maxFileSize: null,
  ...facts,
});

/** `/predict`: one text in, one result out (with `files` when it is a file). */
export const predict = (files = false): EndpointSpec => ({
  apiName: "predict",
  fnIndex: 0,
  inputs: [0],
  outputs: [0],
  params: [{ name: "text" }],
  returns: [files ? { name: "file", files: [[]] } : { name: "out" }],
});

/** A completed job's message. */
export const completed = (eventId: string, data: unknown[]) => ({
  msg: "process_completed",
  event_id: eventId,
  success: true,
  output: { data },
});
