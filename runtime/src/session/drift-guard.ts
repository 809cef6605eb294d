/**
 * When a client compares an endpoint with the app's `/config` (session/drift.ts): before its first
 * call with `verifySchema`, else on its first failure that a changed app could explain — at most
 * once per endpoint and client.
 */
import { AppError, HttpError, SchemaDriftError } from "../errors.js";
import type { EndpointSpec } from "../spec.js";
import type { HttpContext } from "../transport/http.js";
import type { Discovery } from "./discovery.js";
import { detectDrift } from "./drift.js";

export interface DriftGuard {
  /** `verifySchema`: throws SCHEMA_DRIFT when the app no longer matches `spec` (first call of the endpoint only). */
  verify(spec: EndpointSpec, http: HttpContext, base: string, label: string): Promise<void>;
  /** The error to throw for a failed call: a SchemaDriftError (caused by `error`) when the app changed, else `error`. */
  explain(spec: EndpointSpec, label: string, error: unknown): Promise<unknown>;
}

export function createDriftGuard(discovery: Discovery): DriftGuard {
  /** Endpoints whose layout was already compared with the app's /config. */
  const checked = new WeakSet<EndpointSpec>();
  return {
    async verify(spec, http, base, label) {
      if (checked.has(spec)) return;
      checked.add(spec);
      const drift = await detectDrift(http, base, spec, label);
      if (drift) throw new SchemaDriftError(drift);
    },
    async explain(spec, label, error) {
      const suspicious =
        error instanceof AppError ||
        error instanceof SchemaDriftError ||
        (error instanceof HttpError && !["AUTH_REQUIRED", "RATE_LIMITED", "QUEUE_FULL"].includes(error.code));
      const connection = discovery.current;
      if (!suspicious || checked.has(spec) || connection === null) return error;
      checked.add(spec);
      const conn = await connection.catch(() => null);
      const drift = conn && (await detectDrift(conn.http, conn.base, spec, label).catch(() => null));
      return drift ? new SchemaDriftError(drift, { cause: error }) : error;
    },
  };
}
