/**
 * The smallest cookie jar that Gradio's login needs (docs/protocol.md §5.4): `name=value` pairs
 * from `Set-Cookie`, sent back to the one origin that set them. Browsers hide `Set-Cookie` from
 * fetch (the list is empty there) and keep cookies themselves — see `ClientOptions.auth`.
 */

/** Cookies of one origin, as a `Cookie` header value. */
export interface CookieJar {
  /** Stores the cookies of a response received from `url`. */
  store(response: Response, url: string): void;
  /** The `Cookie` header for a request to `url`, or null when none applies. */
  header(url: string): string | null;
}

interface Cookie {
  readonly value: string;
  readonly secure: boolean;
}

/** Creates a jar that only ever answers for `origin`. */
export function createCookieJar(origin: string): CookieJar {
  const cookies = new Map<string, Cookie>();
  return {
    store(response, url) {
      if (new URL(url).origin !== origin) return;
      for (const line of response.headers.getSetCookie?.() ?? []) {
        const [pair = "", ...attributes] = line.split(";");
        const eq = pair.indexOf("=");
        if (eq <= 0) continue;
        const name = pair.slice(0, eq).trim();
        const attrs = attributes.map((a) => a.trim().toLowerCase());
        if (
          attrs.includes("max-age=0") ||
          attrs.some((a) => a.startsWith("expires=") && Date.parse(a.slice(8)) < Date.now())
        )
          cookies.delete(name);
        else cookies.set(name, { value: pair.slice(eq + 1).trim(), secure: attrs.includes("secure") });
      }
    },
    header(url) {
      const target = new URL(url);
      if (target.origin !== origin) return null;
      // `Secure` cookies travel over https only; Gradio sets an "unsecure" twin for plain http.
      const pairs = [...cookies]
        .filter(([, c]) => !c.secure || target.protocol === "https:")
        .map(([name, c]) => `${name}=${c.value}`);
      return pairs.length > 0 ? pairs.join("; ") : null;
    },
  };
}
