/**
 * api name → fn_index for endpoints generated without one (a schema from /info alone). The
 * connection reads `/config` when the first call needs it; when an endpoint with a baked-in
 * fn_index came first, `/config` is read here, once per client, so the order of calls never matters.
 */
import { readFnIndexes, type Connection } from "./connection.js";

/** Looks an api name up on `conn`; `signal` gives up waiting (the shared read goes on for other calls). */
export type FnIndexLookup = (
  conn: Connection,
  apiName: string,
  signal: AbortSignal | undefined,
) => Promise<number | undefined>;

/** One lookup per client; `lifetime` (the client's) aborts the `/config` read. A failed read is retried by the next call. */
export function createFnIndexLookup(lifetime: AbortSignal): FnIndexLookup {
  let names: Promise<ReadonlyMap<string, number>> | null = null;
  return async (conn, apiName, signal) => {
    if (conn.fnIndexByName.size > 0) return conn.fnIndexByName.get(apiName);
    names ??= readFnIndexes(conn, lifetime).catch((error: unknown) => {
      names = null;
      throw error;
    });
    const table = names;
    return (
      signal
        ? await Promise.race([
            table,
            new Promise<never>((_, reject) =>
              signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
            ),
          ])
        : await table
    ).get(apiName);
  };
}
