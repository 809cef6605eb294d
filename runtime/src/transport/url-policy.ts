/**
 * The URL rule shared by the runtime and the generator (README "Security model"): a URL built
 * from anything a server said (`api_prefix`, `Location`, a file's `url`/`path`) must stay on the
 * origin it was checked against before any credential is attached, and a Hugging Face token goes
 * to an app given by URL only when it is a Space host over https (docs/protocol.md §1.4).
 */
import { GradioError } from "../errors.js";

/** A Space's own host (`https://owner-name.hf.space`): the only app origin, given by URL, that may receive a Hub token. */
export function isSpaceHost(url: string | URL): boolean {
  const target = typeof url === "string" ? new URL(url) : url;
  return target.protocol === "https:" && target.hostname.endsWith(".hf.space");
}

/** The origin of a URL, or null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why `prefix` is not a plain path on the app's origin, or null when it is. `new URL` resolves
 * `%2e%2e` like `..`, so encoded dots count as dots.
 */
export function unsafePathReason(prefix: string): string | null {
  if (!prefix.startsWith("/")) return "it must start with /";
  if (prefix.startsWith("//")) return "a leading // names another host";
  if (/[\\@]/.test(prefix)) return "it contains \\ or @";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f?#]/.test(prefix)) return "it contains a space, a control character, ? or #";
  if (prefix.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return "it contains a . or .. segment";
  return null;
}

/**
 * `api_prefix` of `/config` (docs/protocol.md §1.5, §7 item 1) as a path without trailing slash:
 * "" when absent. Anything that could move requests to another origin is refused with PROTOCOL.
 */
export function apiPrefixPath(value: unknown, where: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new GradioError("PROTOCOL", `${where}: "api_prefix" is not a string`);
  const prefix = value.replace(/\/+$/, "");
  if (prefix === "") return "";
  const reason = unsafePathReason(prefix);
  if (reason !== null) {
    throw new GradioError(
      "PROTOCOL",
      `${where}: "api_prefix" ${JSON.stringify(value.slice(0, 80))} is not a path on the app's origin (${reason}); no request is built from it`,
    );
  }
  return prefix;
}

/** `base` + `path`, checked to stay on `base`'s origin (PROTOCOL otherwise). */
export function onOrigin(base: string, path: string, where: string): string {
  const url = base + path;
  if (originOf(url) !== originOf(base))
    throw new GradioError(
      "PROTOCOL",
      `${where}: ${JSON.stringify(path.slice(0, 80))} would leave ${originOf(base) ?? base}`,
    );
  return url;
}
