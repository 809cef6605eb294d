/**
 * The endpoint table a test double works from: a generated module passes its own endpoint
 * functions (`{ predict, respond }`), whose specs the runtime recorded when it made them; code
 * without a module may pass `EndpointSpec`s directly.
 */
import { endpointSpecOf } from "../bind.js";
import { GradioError } from "../errors.js";
import type { EndpointSpec } from "../spec.js";

/** Method name → its spec, or the module's endpoint function of that name. */
export type EndpointTable = Readonly<Record<string, EndpointSpec | object>>;

/** The specs of `table`, method name → spec. */
export function specsOf(table: EndpointTable): Record<string, EndpointSpec> {
  return Object.fromEntries(
    Object.entries(table).map(([method, entry]) => {
      const spec = typeof entry === "function" ? endpointSpecOf(entry) : (entry as EndpointSpec);
      if (spec === undefined)
        throw new GradioError("INVALID_ARGUMENT", `${method} is not an endpoint function of a generated module`);
      return [method, spec];
    }),
  );
}
