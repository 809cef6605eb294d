/**
 * Loads a live app: `GET {base}/config` (never prefixed) then `GET {base}{api_prefix}/info`
 * (docs/protocol.md §1.5, §1.6, §7 item 1), after logging in first when credentials are given
 * (§5.4). Space ids are resolved to their host, and waited for until they run, first (space.ts).
 */
import { isSpaceHost } from "@gradio-codegen/runtime";
import { CodegenError } from "../errors.js";
import { generatorHttp, getJson } from "./http.js";
import { logIn, type AppCredentials } from "./login.js";
import { apiPrefix, checkShape, isObject, type RawSchema } from "./raw-schema.js";
import { resolveSpaceHost, type SpaceWaitOptions } from "./space.js";

export interface FetchAppOptions extends SpaceWaitOptions {
  /** Also list `undocumented` endpoints (`?all_endpoints=true`). */
  readonly allEndpoints?: boolean;
  /** Username/password of an app launched with `auth=`: log in before reading it. */
  readonly auth?: AppCredentials | undefined;
  /** What to do about an app that requires a login, said when it answers 401 without `auth`. */
  readonly authHint?: string | undefined;
}

/** The default `authHint`: the CLI's ways of passing credentials. */
export const CLI_AUTH_HINT =
  "pass --auth <username:password>, or set GRADIO_AUTH=<username:password> (kept off the command line)";

/**
 * Fetches /config and /info of the app at `baseUrl`. `tokenOrigin` is the one origin that may
 * receive the Hugging Face token (as `X-HF-Authorization`, which the Spaces proxy strips before
 * the app sees it, §1.4 and §7 item 16); null = send it nowhere.
 */
export async function fetchApp(
  source: string,
  baseUrl: string,
  spaceId: string | null,
  options: FetchAppOptions,
  tokenOrigin: string | null,
): Promise<RawSchema> {
  const tokenHeaders: Record<string, string> =
    options.token && tokenOrigin !== null && new URL(baseUrl).origin === tokenOrigin
      ? { "x-hf-authorization": `Bearer ${options.token}` }
      : {};
  // The session cookies, like the token, go to the app's origin only (the runtime's send drops them on a redirect away).
  const tokenHttp = generatorHttp(baseUrl, tokenHeaders);
  const cookie = options.auth ? await logIn(tokenHttp, baseUrl, options.auth) : null;
  const http = cookie === null ? tokenHttp : generatorHttp(baseUrl, { ...tokenHeaders, cookie });
  const guarded =
    (url: string) =>
    (error: unknown): never => {
      throw loginError(error, url, baseUrl, options, cookie !== null) ?? error;
    };
  const configUrl = `${baseUrl}/config`;
  const { json: config } = await getJson(http, configUrl).catch((error: unknown) => {
    if (error instanceof CodegenError && error.code === "HTTP" && /HTTP 404/.test(error.message)) {
      throw new CodegenError(
        "NOT_GRADIO",
        `${error.message}: ${baseUrl} does not look like a Gradio app (no /config)`,
        { cause: error },
      );
    }
    return guarded(configUrl)(error);
  });
  if (!isObject(config) || !Array.isArray(config["dependencies"])) {
    throw new CodegenError(
      "NOT_GRADIO",
      `GET ${configUrl} returned JSON without "dependencies": ${baseUrl} does not look like a Gradio app`,
    );
  }
  const prefix = apiPrefix(config["api_prefix"], `GET ${configUrl}`);
  const infoUrl = `${baseUrl}${prefix}/info${options.allEndpoints ? "?all_endpoints=true" : ""}`;
  const { json: info } = await getJson(http, infoUrl).catch(guarded(infoUrl));
  if (!isObject(info)) throw new CodegenError("NOT_GRADIO", `GET ${infoUrl} did not return a JSON object`);
  return checkShape({ source, baseUrl, spaceId, config, info, ...(cookie !== null ? { login: true } : {}) }, infoUrl);
}

/**
 * Gradio's login guard answered (HTTP 401 "Not authenticated", docs/protocol.md §5.4): an
 * error that says what to do; null for any other failure (a proxy's 401 included).
 */
function loginError(
  error: unknown,
  url: string,
  baseUrl: string,
  options: FetchAppOptions,
  loggedIn: boolean,
): CodegenError | null {
  if (!(error instanceof CodegenError && error.code === "HTTP" && /HTTP 401 .*Not authenticated/.test(error.message)))
    return null;
  const answer = `GET ${url} answered HTTP 401 "Not authenticated"`;
  if (!options.auth)
    return new CodegenError(
      "AUTH",
      `${baseUrl} requires a login (an app launched with auth=; ${answer}): ${options.authHint ?? CLI_AUTH_HINT}`,
      { cause: error },
    );
  const why = loggedIn
    ? `even after logging in with the credentials from ${options.auth.from}`
    : `although the credentials from ${options.auth.from} were given: ${baseUrl}/login is not Gradio's username/password login here (the app is guarded some other way, e.g. a custom auth_dependency)`;
  return new CodegenError("AUTH", `${answer} ${why}`, { cause: error });
}

/** Fetches an app given by URL; the token goes only to Hugging Face's own `https://*.hf.space` hosts. */
export function fetchUrl(input: string, url: string, options: FetchAppOptions): Promise<RawSchema> {
  // The same rule as the runtime's: https only (a token over plain http could be read on the way).
  return fetchApp(input, url, null, options, isSpaceHost(url) ? new URL(url).origin : null);
}

/**
 * Fetches a Space: its host from the Hub, waited for while it sleeps or starts (the runtime's
 * Space code, space.ts), then the app on that host — the only app origin that receives the token.
 *
 * The result has `baseUrl: null` and `spaceId` set, so the generated module asks the Hub for the
 * host at run time (the runtime's `connect`) instead of baking today's host in: the Hub is the
 * authority on where a Space is served (§1.1, §7 item 29: hosts change on rename, duplication or a
 * custom domain), it is where a sleeping Space must be polled anyway, and the snapshot and module
 * stay identical whatever host the Hub answers (offline regeneration gives the same bytes).
 */
export async function fetchSpace(spaceId: string, options: FetchAppOptions): Promise<RawSchema> {
  const host = await resolveSpaceHost(spaceId, options);
  const schema = await fetchApp(spaceId, host, spaceId, options, new URL(host).origin);
  return { ...schema, baseUrl: null };
}
