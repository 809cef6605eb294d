/**
 * Duplicates a Space into the token's account and waits until the copy runs (docs/protocol.md
 * §6.3, as gradio_client's `Client.duplicate`): whoami → re-attach if the copy exists (nothing is
 * created or changed) → else read the source's hardware and create the copy in one request
 * (visibility, hardware, sleep time, secrets, variables: huggingface_hub's `duplicate_repo`
 * payload) → wait through its build with the Space waiting of space-wait.ts.
 */
import { GradioError, HttpError } from "../errors.js";
import { httpError, type FetchLike, type HttpContext } from "../transport/http.js";
import {
  hubMessage,
  hubRequest,
  hubSession,
  requestedHardware,
  type HubAnswer,
  type HubSession,
} from "./duplicate-hub.js";
import {
  DuplicateError,
  type DuplicatedSpace,
  type DuplicateOptions,
  type DuplicateStatusEvent,
} from "./duplicate-types.js";
import { resolveSpace } from "./space-wait.js";

const SPACE_ID = /^[\w.-]+\/[\w.-]+$/;
const TOKEN_HELP =
  "create a token with write access at https://huggingface.co/settings/tokens and pass { hfToken } (in Node, or set HF_TOKEN)";

/** Duplicates `from` (or re-attaches to an existing copy) and resolves once the copy runs. */
export async function duplicateSpace(from: string, options: DuplicateOptions = {}): Promise<DuplicatedSpace> {
  if (!SPACE_ID.test(from))
    throw new GradioError("INVALID_ARGUMENT", `duplicate: ${JSON.stringify(from)} is not a Space id (owner/name)`);
  const token = options.hfToken;
  if (!token) throw new GradioError("AUTH_REQUIRED", `duplicating ${from} needs a Hugging Face token: ${TOKEN_HELP}`);
  const hub = (options.hfEndpoint ?? "https://huggingface.co").replace(/\/+$/, "");
  const fetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const started = Date.now();
  const timeoutMs = Math.max(0, options.timeout ?? 900_000);
  const signal = options.signal ?? new AbortController().signal;
  const session = hubSession(hub, token, fetch, signal, started + timeoutMs, timeoutMs);

  const { user, namespaces } = await whoami(session);
  const target = options.to
    ? options.to.includes("/")
      ? options.to
      : `${user}/${options.to}`
    : `${user}/${from.split("/")[1] ?? ""}`;
  if (!SPACE_ID.test(target))
    throw new GradioError("INVALID_ARGUMENT", `duplicate: ${JSON.stringify(options.to)} is not a Space name`);
  // Never "re-attach" to somebody else's Space: the copy lives in the token's account or one of its organisations.
  const owner = target.split("/")[0] ?? "";
  if (!namespaces.includes(owner))
    throw new GradioError(
      "INVALID_ARGUMENT",
      `duplicate: { to: ${JSON.stringify(options.to)} } is outside your account; the copy must be under ${namespaces.join(" or ")}`,
    );
  const page = `${hub}/spaces/${target}`;
  const report = (event: Omit<DuplicateStatusEvent, "spaceId" | "from" | "elapsedMs" | "created">) =>
    options.onStatus?.({ spaceId: target, from, created, elapsedMs: Date.now() - started, ...event });

  const existing = await hubRequest(session, "GET", `/api/spaces/${target}/runtime`);
  let created = false;
  let hardware: string | null;
  if (existing.status === 200) {
    hardware = requestedHardware(existing.json);
    if (options.hardware !== undefined && hardware !== null && hardware !== options.hardware) {
      const message = `${target} already exists and runs on ${hardware}, not ${options.hardware}: nothing was changed. Change its hardware at ${page}/settings, omit { hardware } to use it as it is, or pass { to } to create another copy.`;
      throw new DuplicateError({ reason: "HARDWARE_MISMATCH", spaceId: target, message });
    }
  } else if (existing.status === 401 || existing.status === 404) {
    hardware = options.hardware ?? (await sourceHardware(session, from));
    created = true;
    report({ status: "duplicating", stage: null, stages: [], done: false });
    await create(session, from, target, hardware, options);
  } else {
    throw failure(existing);
  }

  const host = await untilRunning(session, target, token, fetch, options, (event) =>
    report({ status: "building", stage: event.stage, stages: event.stages, done: false }),
  );
  report({ status: "running", stage: "RUNNING", stages: ["RUNNING"], done: true });
  return { spaceId: target, host, created, hardware, url: page };
}

/** The account of the token, and the namespaces it may create Spaces in (itself and its organisations). */
async function whoami(session: HubSession): Promise<{ user: string; namespaces: string[] }> {
  const answer = await hubRequest(session, "GET", "/api/whoami-v2");
  if (answer.status === 401)
    throw new GradioError(
      "AUTH_FAILED",
      `GET ${answer.url}: the Hub rejected the token (invalid or expired): ${TOKEN_HELP}`,
    );
  if (answer.status !== 200) throw failure(answer);
  const name = answer.json?.["name"];
  if (typeof name !== "string" || !SPACE_ID.test(`${name}/x`))
    throw new GradioError("PROTOCOL", `GET ${answer.url}: the answer has no account "name"`);
  const orgs = Array.isArray(answer.json?.["orgs"]) ? answer.json["orgs"] : [];
  const names = orgs.flatMap((org: unknown) =>
    typeof org === "object" && org !== null && "name" in org && typeof org.name === "string" ? [org.name] : [],
  );
  return { user: name, namespaces: [name, ...names] };
}

/** The source's hardware (the copy's default, as gradio_client); a missing or private source fails here. */
async function sourceHardware(session: HubSession, from: string): Promise<string | null> {
  const source = await hubRequest(session, "GET", `/api/spaces/${from}/runtime`);
  if (source.status === 401 || source.status === 404) throw sourceNotFound(from, source);
  if (source.status !== 200) throw failure(source);
  return requestedHardware(source.json);
}

/** Creates the copy in one request. */
async function create(
  session: HubSession,
  from: string,
  target: string,
  hardware: string | null,
  options: DuplicateOptions,
): Promise<void> {
  const paid = hardware !== null && hardware !== "cpu-basic";
  const list = (values: Readonly<Record<string, string>> | undefined) =>
    values ? Object.entries(values).map(([key, value]) => ({ key, value })) : undefined;
  const answer = await hubRequest(session, "POST", `/api/spaces/${from}/duplicate`, {
    repository: target,
    visibility: options.private === false ? "public" : "private",
    ...(hardware === null ? {} : { hardware }),
    // The Hub fixes the sleep time of free hardware (48 h); gradio_client sets it for other hardware only.
    ...(paid ? { sleepTimeSeconds: options.sleepTimeout ?? 300 } : {}),
    ...(options.secrets ? { secrets: list(options.secrets) } : {}),
    ...(options.variables ? { variables: list(options.variables) } : {}),
  });
  if (answer.status === 200 || answer.status === 201) return;
  if (answer.status === 401 || answer.status === 404) throw sourceNotFound(from, answer);
  if (answer.status === 409) {
    const message = `the name ${target} is taken by a repo that is not a Space your token can read (the Hub says: ${hubMessage(answer)}); pass { to } with another name.`;
    throw new DuplicateError({ reason: "NAME_TAKEN", spaceId: target, message });
  }
  if (
    paid &&
    (answer.status === 402 ||
      (answer.status >= 400 &&
        answer.status < 500 &&
        /hardware|flavor|billing|payment|credit|subscription/i.test(answer.text)))
  ) {
    const message = `the Hub refused hardware ${hardware} for ${target} (HTTP ${answer.status}: ${hubMessage(answer)}); nothing was created. Add a payment method at https://huggingface.co/settings/billing, or pass { hardware: "cpu-basic" }.`;
    throw new DuplicateError({ reason: "HARDWARE_REFUSED", spaceId: target, message });
  }
  throw failure(answer);
}

/** Waits until the copy runs; a failed build becomes BUILD_FAILED with its logs URL. */
async function untilRunning(
  session: HubSession,
  target: string,
  token: string,
  fetch: FetchLike,
  options: DuplicateOptions,
  onStage: (event: { stage: string; stages: readonly string[] }) => void,
): Promise<string> {
  const appHttp = (host: string): HttpContext => ({
    fetch,
    trustedOrigins: new Set([new URL(host).origin]),
    privateHeaders: { "x-hf-authorization": `Bearer ${token}` },
  });
  const wait = {
    timeoutMs: Math.max(0, session.deadline - Date.now()),
    intervalMs: options.intervalMs ?? 2_000,
    onStatus: (e: { stage: string; stages: readonly string[]; done: boolean }) => void (e.done || onStage(e)),
  };
  try {
    return await resolveSpace(target, { fetch, hfEndpoint: session.hub, token, appHttp, wait, signal: session.signal });
  } catch (error) {
    if (!(error instanceof GradioError) || error instanceof HttpError) throw error;
    if (error.code === "SPACE_NOT_RUNNING") {
      const stage = /\(stage ([A-Z_]+)\)/.exec(error.message)?.[1] ?? "unknown";
      const logsUrl = `${session.hub}/spaces/${target}?logs=${stage === "BUILD_ERROR" ? "build" : "container"}`;
      throw new DuplicateError(
        {
          reason: "BUILD_FAILED",
          spaceId: target,
          stage,
          logsUrl,
          message: `the copy ${target} did not start (stage ${stage}); see its logs at ${logsUrl}. ${error.message}`,
        },
        { cause: error },
      );
    }
    if (error.code === "TIMEOUT") {
      const seconds = Math.round(session.timeoutMs / 1000);
      throw new GradioError(
        "TIMEOUT",
        `the copy ${target} was not running within ${seconds} s: a build can take minutes; run again with a longer { timeout } (re-running attaches to the copy). ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}

function sourceNotFound(from: string, answer: HubAnswer): DuplicateError {
  const message = `Space ${from} cannot be duplicated: it does not exist, or it is private and your token cannot read it (${answer.method} ${answer.url} answered HTTP ${answer.status}).`;
  return new DuplicateError({ reason: "SOURCE_NOT_FOUND", spaceId: from, message });
}

function failure(answer: HubAnswer): HttpError {
  return httpError(answer.method, answer.url, answer.status, answer.text);
}
