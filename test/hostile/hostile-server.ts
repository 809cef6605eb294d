/**
 * A small misbehaving HTTP server for the hostile-server suite: no real Gradio plays these tricks
 * on purpose, so each test scripts one (a redirect, a hostile `api_prefix`, …) and then asserts
 * what the *other* origin received. Every request is recorded with its headers and body before
 * the script answers it. The same server doubles as an HTTP forward proxy (`HTTP_PROXY`): a
 * proxied request arrives with an absolute URL, or (undici) through a CONNECT tunnel that this
 * server answers itself, so hosts that do not resolve (`o-s.hf.space.evil.example`) can be played.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Seen {
  /** `host:port` the request was addressed to (its absolute URL's, when it came as a proxy request). */
  readonly host: string;
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Script = (request: Seen, response: ServerResponse) => void;

export interface Hostile {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly seen: Seen[];
  /** Resolves with the next request recorded. */
  next(): Promise<Seen>;
  close(): Promise<void>;
}

/** Headers that carry a credential. */
export const SECRET_HEADERS = ["authorization", "x-hf-authorization", "cookie", "x-secret"] as const;

/** The credentials a request carried (headers, and any of `bodySecrets` in its body). */
export function secretsIn(request: Seen, bodySecrets: readonly string[] = []): string[] {
  return [
    ...SECRET_HEADERS.filter((h) => request.headers[h] !== undefined),
    ...bodySecrets.filter((s) => request.body.includes(s)),
  ];
}

/** Starts a server on 127.0.0.1 (`port` 0 = OS-assigned) that answers with `script`. */
export async function startHostile(script: Script, port = 0): Promise<Hostile> {
  const seen: Seen[] = [];
  const waiting: ((request: Seen) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const absolute = /^https?:\/\//.test(req.url ?? "") ? new URL(req.url ?? "") : null;
      const request: Seen = {
        host: absolute ? absolute.host : (req.headers.host ?? ""),
        method: req.method ?? "GET",
        path: absolute ? absolute.pathname + absolute.search : (req.url ?? "/"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(request);
      waiting.splice(0).forEach((resolve) => resolve(request));
      script(request, res);
    });
  });
  // A CONNECT tunnel ends here: the tunnelled requests are served (and recorded) like direct ones.
  server.on("connect", (_req, socket: Socket, head: Buffer) => {
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    server.emit("connection", socket);
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const actual = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actual}`;
  return {
    url,
    origin: url,
    port: actual,
    seen,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON. */
export function json(
  response: ServerResponse,
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(value));
}

/** Answers a redirect to `location`. */
export function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, { location, "content-length": "0" });
  response.end();
}

/**
 * Two servers where the second sits on the port that `api_prefix: "1"` makes of the first's URL
 * (`http://127.0.0.1:P` + `1` → port P·10+1, the reproduction). OS-assigned ports, retried
 * until one ends in 1 and its tenth is free.
 */
export async function portPair(app: Script, evil: Script): Promise<{ app: Hostile; evil: Hostile }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const other = await startHostile(evil);
    const port = (other.port - 1) / 10;
    if (Number.isInteger(port) && port >= 1024) {
      try {
        return { app: await startHostile(app, port), evil: other };
      } catch {
        // taken: try another pair
      }
    }
    await other.close();
  }
  throw new Error("no free port pair P, P·10+1 found");
}
