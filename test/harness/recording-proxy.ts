/**
 * A transparent HTTP proxy in front of a real test app that records the headers each request
 * carried, so tests can see what reached the app's origin (e.g. where a Hugging Face token went).
 * Bodies and streams (SSE) are piped unchanged; nothing about Gradio is imitated.
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { RecordedRequest } from "./hub-standin.js";

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT` — paths are forwarded as they are to the target origin. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Answers the next `count` requests itself with 503 and an HTML page, as a gateway in front of a starting app might. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards every request to `targetOrigin`. */
export async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
  const target = new URL(targetOrigin);
  const requests: RecordedRequest[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers });
    if (failures > 0) {
      failures -= 1;
      req.resume();
      res.writeHead(503, { "content-type": "text/html" }).end("<html><body>Starting…</body></html>");
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (count) => void (failures = count),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
