/**
 * Maps wire outputs back to public results: drops State/layout slots, unwraps update dicts
 * (docs/protocol.md §2.5), hands file positions to the files feature, and names the results.
 */
import type { EndpointSpec } from "../spec.js";
import { nameResults } from "./named-results.js";

/** Public results in order; `mapFiles` converts the files of one result value. */
export async function publicOutputs(spec: EndpointSpec, wire: readonly unknown[], mapFiles?: (value: unknown, paths: NonNullable<EndpointSpec["returns"][number]["files"]>) => Promise<unknown>): Promise<unknown[]> {
  const results: unknown[] = spec.returns.map(() => null);
  for (const [position, slot] of spec.outputs.entries()) {
    if (typeof slot !== "number") continue;
    const paths = spec.returns[slot]?.files;
    let value: unknown = wire[position] ?? null;
    if (typeof value === "object" && value !== null && (value as Record<string, unknown>)["__type__"] === "update") {
      value = "value" in value ? (value as Record<string, unknown>)["value"] : null;
    }
    results[slot] = paths && mapFiles ? await mapFiles(value, paths) : value;
  }
  return nameResults(results, spec.returns);
}
