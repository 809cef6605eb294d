/**
 * A local stand-in for the Hugging Face Hub API — the one service tests cannot reach — serving
 * the routes and response shapes of docs/protocol.md §1.2–§1.4, reached through `HF_ENDPOINT`.
 * The apps behind a Space's `host` are always real (test harness apps). Deterministic: no timers;
 * a Space's stage advances once per status read (`/api/spaces/{id}`, `/runtime`, `by-subdomain`)
 * and then stays on the last one. Every request is recorded so tests can assert where tokens went.
 * Duplication (§6.3: whoami, duplicate with hardware / sleep time / secrets / variables) is in
 * hub-standin-duplicate.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { routeWrite, type StandinUser, type WriteState } from "./hub-standin-duplicate.js";

export interface StandinSpaceSpec {
  /** `owner/name`. */
  readonly id: string;
  /** Where the app is served: a real test app URL such as `http://127.0.0.1:PORT/calculator`. */
  readonly host: string;
  readonly private?: boolean;
  /** The token that may read this Space (and any Space's public routes, and whoami). */
  readonly token?: string;
  /** Stages returned by successive status reads; the last one sticks. Default `["RUNNING"]`. */
  readonly stages?: readonly string[];
  /** Default: the id lower-cased with `/` and `.` turned into `-` (the Hub's usual subdomain). */
  readonly subdomain?: string;
  /** `runtime.errorMessage`, as the Hub sets it for `*_ERROR` stages. */
  readonly errorMessage?: string;
  /** `runtime.hardware.requested` (and `current` while running). Default `cpu-basic`. */
  readonly hardware?: string;
  /** Seconds of inactivity before the Space sleeps (`runtime.gcTimeout`). Default 172800 (free hardware). */
  readonly sleepTime?: number;
  /** What a duplicate request carried (set on copies; tests read it). */
  readonly created?: { readonly secrets: readonly string[]; readonly variables: Readonly<Record<string, string>> };
  /** How a duplicate of this Space behaves: where its app is served, its stages. Default: same host, `["BUILDING", "RUNNING"]`. */
  readonly copy?: { readonly host?: string; readonly stages?: readonly string[]; readonly errorMessage?: string };
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/api/spaces/owner/name/runtime`. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body as text (the stand-in records it; "" for none). */
  readonly body?: string;
}

export interface HubStandin {
  /** `http://127.0.0.1:PORT` — pass as `HF_ENDPOINT`. */
  readonly url: string;
  addSpace(spec: StandinSpaceSpec): void;
  /** A Hub account with a token and no Space (duplicates land in its namespace). */
  addUser(user: StandinUser): void;
  /** A repo of another type (`model`, `dataset`) whose name a duplicate may collide with. */
  addRepo(id: string, type: "model" | "dataset"): void;
  /** Every request received, in order (live array). */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

export interface SpaceState {
  readonly spec: StandinSpaceSpec;
  readonly subdomain: string;
  reads: number;
}

export type Answer = readonly [status: number, body: unknown, headers?: Record<string, string>];

export const NOT_FOUND: Answer = [404, { error: "Repository not found" }, { "x-error-code": "RepoNotFound" }];
const BAD_TOKEN: Answer = [401, { error: "Invalid credentials in Authorization header" }];
const NO_TOKEN: Answer = [401, { error: "Invalid username or password." }];

/** Starts the stand-in on 127.0.0.1, a port chosen by the OS. */
export async function startHubStandin(): Promise<HubStandin> {
  const spaces = new Map<string, SpaceState>();
  const requests: RecordedRequest[] = [];
  const users: StandinUser[] = [];
  const repos = new Map<string, "model" | "dataset">();
  const addSpace = (spec: StandinSpaceSpec) => {
    const subdomain = spec.subdomain ?? spec.id.toLowerCase().replace(/[/.]/g, "-");
    spaces.set(spec.id, { spec, subdomain, reads: 0 });
  };
  const write: WriteState = { spaces, users, repos, addSpace };

  const tokenOwner = (token: string): string | undefined => {
    for (const user of users) if (user.token === token) return user.name;
    for (const { spec } of spaces.values()) if (spec.token === token) return spec.id.split("/")[0];
    return undefined;
  };

  const route = (method: string, path: string, authorization: string | undefined, body: string): Answer => {
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    // The Hub rejects an unknown token on every route, public ones included.
    if (authorization !== undefined && (bearer === undefined || tokenOwner(bearer) === undefined)) return BAD_TOKEN;
    const pathname = path.split("?")[0] ?? "";
    if (method === "POST")
      return routeWrite(
        write,
        pathname,
        bearer === undefined ? undefined : { token: bearer, user: tokenOwner(bearer) ?? "" },
        body,
      );
    if (method !== "GET") return [405, { error: "Method not allowed" }];
    if (pathname === "/api/whoami-v2") {
      const user = bearer === undefined ? undefined : tokenOwner(bearer);
      return user === undefined ? NO_TOKEN : [200, whoami(user)];
    }
    const bySub = /^\/api\/spaces\/by-subdomain\/([^/]+)$/.exec(pathname);
    const byId = /^\/api\/spaces\/([^/]+\/[^/]+?)(\/host|\/runtime)?$/.exec(pathname);
    const space = bySub
      ? [...spaces.values()].find((s) => s.subdomain === bySub[1])
      : byId
        ? spaces.get(decodeURIComponent(byId[1] ?? ""))
        : undefined;
    if (!bySub && !byId) return [404, { error: "Sorry, we can't find the page you are looking for." }];
    if (space === undefined) return NOT_FOUND;
    if (space.spec.private) {
      if (bearer === undefined) return NO_TOKEN;
      if (bearer !== space.spec.token) return NOT_FOUND; // authenticated, but this Space is not yours
    }
    const sub = byId?.[2];
    if (sub === "/host") return [200, { subdomain: space.subdomain, host: space.spec.host }];
    const runtime = nextRuntime(space);
    return [200, sub === "/runtime" ? runtime : spaceInfo(space, runtime)];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "GET", path, headers, body: text });
      const [status, body, extra] = route(req.method ?? "GET", path, req.headers.authorization, text);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...extra });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addSpace,
    addUser: (user) => void users.push(user),
    addRepo: (id, type) => void repos.set(id, type),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The runtime object of `GET /api/spaces/{id}/runtime` (docs/protocol.md §1.3); advances the stage. */
function nextRuntime(space: SpaceState): Record<string, unknown> {
  const stages = space.spec.stages ?? ["RUNNING"];
  const stage = stages[Math.min(space.reads, stages.length - 1)] ?? "RUNNING";
  space.reads += 1;
  const running = stage === "RUNNING" || stage === "RUNNING_BUILDING";
  const hardware = space.spec.hardware ?? "cpu-basic";
  return {
    stage,
    hardware: { current: running ? hardware : null, requested: hardware },
    storage: null,
    gcTimeout: space.spec.sleepTime ?? 172800,
    replicas: { current: running ? 1 : 0, requested: 1 },
    devMode: false,
    domains: [{ domain: `${space.subdomain}.hf.space`, isCustom: false, stage: "READY" }],
    ...(space.spec.errorMessage === undefined ? {} : { errorMessage: space.spec.errorMessage }),
  };
}

/** The Space info of `GET /api/spaces/{id}` (the fields clients read, plus a few common ones). */
function spaceInfo(space: SpaceState, runtime: Record<string, unknown>): Record<string, unknown> {
  const [author] = space.spec.id.split("/");
  return {
    _id: `standin-${space.subdomain}`,
    id: space.spec.id,
    author,
    sha: "0000000000000000000000000000000000000000",
    lastModified: "2026-01-01T00:00:00.000Z",
    private: space.spec.private === true,
    gated: false,
    disabled: false,
    host: space.spec.host,
    subdomain: space.subdomain,
    likes: 0,
    sdk: "gradio",
    tags: ["gradio"],
    runtime,
    createdAt: "2026-01-01T00:00:00.000Z",
    siblings: [{ rfilename: "app.py" }, { rfilename: "README.md" }],
  };
}

function whoami(user: string): Record<string, unknown> {
  return {
    type: "user",
    id: `standin-${user}`,
    name: user,
    fullname: user,
    isPro: false,
    orgs: [],
    auth: { type: "access_token", accessToken: { displayName: "standin", role: "read" } },
  };
}
