/**
 * The Hub stand-in's write route for duplicating a Space (docs/protocol.md §6.3), with the request
 * and answer shapes of huggingface_hub's `HfApi.duplicate_repo` (`POST /api/spaces/{from}/duplicate`
 * with `repository`, `visibility`, `hardware`, `sleepTimeSeconds`, `secrets`, `variables` →
 * `{"url": "{hub}/spaces/{to}"}`; 409 when the name is taken). The copy becomes a Space of the
 * stand-in, served by the host its source's `copy` names (a real test app).
 */
import type { Answer, SpaceState, StandinSpaceSpec } from "./hub-standin.js";

export interface StandinUser {
  readonly name: string;
  readonly token: string;
  /**
   * False: the account has no payment method, so any hardware but `cpu-basic` is refused. The Hub's
   * exact status for that was not observable from its clients' source; the stand-in answers 402 with
   * a message naming the hardware, which is what the runtime reports. Default true.
   */
  readonly canPay?: boolean;
}

export interface WriteState {
  readonly spaces: Map<string, SpaceState>;
  readonly users: readonly StandinUser[];
  readonly repos: ReadonlyMap<string, "model" | "dataset">;
  readonly addSpace: (spec: StandinSpaceSpec) => void;
}

const FREE = new Set(["cpu-basic"]);

/** Answers a POST; `auth` is the caller's token and account (undefined: no token). */
export function routeWrite(
  state: WriteState,
  pathname: string,
  auth: { token: string; user: string } | undefined,
  body: string,
): Answer {
  const dup = /^\/api\/spaces\/([^/]+\/[^/]+)\/duplicate$/.exec(pathname);
  if (!dup) return [404, { error: "Sorry, we can't find the page you are looking for." }];
  if (auth === undefined) return [401, { error: "Invalid username or password." }];
  const source = state.spaces.get(decodeURIComponent(dup[1] ?? ""));
  if (source === undefined || (source.spec.private && source.spec.token !== auth.token)) {
    return [404, { error: "Repository not found" }, { "x-error-code": "RepoNotFound" }];
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return [400, { error: "Invalid JSON body" }];
  }
  if (!isRecord(payload) || typeof payload["repository"] !== "string")
    return [400, { error: '"repository" is required' }];
  const target = payload["repository"];
  const [namespace] = target.split("/");
  if (namespace !== auth.user)
    return [403, { error: `You don't have the rights to create a space under the namespace "${namespace}"` }];
  if (state.spaces.has(target))
    return [409, { error: "You already created this space repo", url: `/spaces/${target}` }];
  const other = state.repos.get(target);
  if (other !== undefined) return [409, { error: `You already created a ${other} repo named ${target}` }];
  const hardware =
    typeof payload["hardware"] === "string" ? payload["hardware"] : (source.spec.hardware ?? "cpu-basic");
  const user = state.users.find((u) => u.name === auth.user);
  if (!FREE.has(hardware) && user?.canPay === false) {
    return [
      402,
      { error: `Hardware ${hardware} requires a payment method: add one at https://huggingface.co/settings/billing` },
    ];
  }
  const visibility =
    payload["visibility"] ??
    (payload["private"] === false ? "public" : payload["private"] === true ? "private" : undefined);
  const sleep = typeof payload["sleepTimeSeconds"] === "number" ? payload["sleepTimeSeconds"] : undefined;
  const copy = source.spec.copy ?? {};
  state.addSpace({
    id: target,
    host: copy.host ?? source.spec.host,
    private: (visibility ?? (source.spec.private ? "private" : "public")) !== "public",
    token: auth.token,
    stages: copy.stages ?? ["BUILDING", "RUNNING"],
    hardware,
    ...(sleep === undefined ? {} : { sleepTime: sleep }),
    ...(copy.errorMessage === undefined ? {} : { errorMessage: copy.errorMessage }),
    created: {
      secrets: keys(payload["secrets"]),
      variables: Object.fromEntries(keys(payload["variables"]).map((k) => [k, entryValue(payload["variables"], k)])),
    },
  });
  return [200, { url: `https://huggingface.co/spaces/${target}` }];
}

/** The `key`s of a `[{key, value, description?}]` list. */
function keys(list: unknown): string[] {
  return Array.isArray(list)
    ? list.flatMap((item) => (isRecord(item) && typeof item["key"] === "string" ? [item["key"]] : []))
    : [];
}

function entryValue(list: unknown, key: string): string {
  const item = Array.isArray(list) ? list.find((i) => isRecord(i) && i["key"] === key) : undefined;
  return isRecord(item) && typeof item["value"] === "string" ? item["value"] : "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
