/**
 * An emulated internet link: a TCP proxy on 127.0.0.1 that delays every byte by half the round
 * trip in each direction and, optionally, caps the bandwidth of each direction. Every client of
 * a scenario connects through the same link, so each pays the same round trips; what differs is
 * how many round trips a client needs and how well it keeps the pipe full.
 *
 * Model: a chunk read from one side is released to the other side `rttMs / 2` after it was read,
 * and no earlier than the previous chunk of that direction finished "transmitting" at the capped
 * rate (`bytes / bytesPerSecond`). Order is preserved per direction. Backpressure: when the
 * receiving socket's buffer is full, the sending side is paused, so a capped upload cannot pile
 * up unbounded memory in the proxy.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface LinkOptions {
  /** Round-trip time added by the link (each direction gets half). */
  readonly rttMs: number;
  /** Bandwidth of each direction in bytes per second (unlimited when absent). */
  readonly bytesPerSecond?: number;
}

export interface Link {
  /** `http://127.0.0.1:<port>`: the upstream origin as seen through the link. */
  readonly origin: string;
  /** Rewrites an upstream URL (same origin as `upstream`) to go through the link. */
  url(upstreamUrl: string): string;
  close(): Promise<void>;
}

/**
 * One direction of a connection: delayed, rate-limited, in order. `openAt`: when this direction
 * may start carrying data — for the client's side, one round trip after the connection was
 * accepted, which stands for the TCP handshake a real link charges before the first request
 * byte (TLS, which would add more, is not emulated).
 */
function pipeDelayed(from: Socket, to: Socket, options: LinkOptions, openAt: number): void {
  const oneWay = options.rttMs / 2;
  let lineFreeAt = openAt;
  let inFlight = 0;
  let ended = false;
  const maybeEnd = () => {
    if (ended && inFlight === 0) to.end();
  };
  from.on("data", (chunk: Buffer) => {
    const now = performance.now();
    const transmitMs = options.bytesPerSecond ? (chunk.length / options.bytesPerSecond) * 1000 : 0;
    lineFreeAt = Math.max(lineFreeAt, now) + transmitMs;
    const deliverAt = lineFreeAt + oneWay;
    inFlight++;
    // Keep the sender paused while more than ~1 s of capped data is queued (bounded memory).
    if (options.bytesPerSecond && lineFreeAt - now > 1000) from.pause();
    setTimeout(
      () => {
        inFlight--;
        if (!to.destroyed) {
          const flushed = to.write(chunk);
          if (!flushed) {
            from.pause();
            to.once("drain", () => from.resume());
          } else if (from.isPaused() && lineFreeAt - performance.now() <= 1000) from.resume();
        }
        maybeEnd();
      },
      Math.max(0, deliverAt - now),
    );
  });
  from.on("end", () => {
    ended = true;
    maybeEnd();
  });
  from.on("error", () => to.destroy());
}

/** Starts a link in front of `upstreamOrigin` (`http://127.0.0.1:PORT`). */
export async function startLink(upstreamOrigin: string, options: LinkOptions): Promise<Link> {
  const upstream = new URL(upstreamOrigin);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ noDelay: true }, (client) => {
    const remote = connect({ host: upstream.hostname, port: Number(upstream.port), noDelay: true });
    for (const s of [client, remote]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    const accepted = performance.now();
    pipeDelayed(client, remote, options, accepted + options.rttMs);
    pipeDelayed(remote, client, options, accepted);
    client.on("close", () => remote.destroy());
    remote.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("link: no port");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (upstreamUrl) => upstreamUrl.replace(upstream.origin, origin),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
