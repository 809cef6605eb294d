/**
 * Maps wire outputs back to public results: drops State/layout slots, turns update dicts into
 * `GradioUpdate`s (docs/protocol.md §2.5), hands file positions to the files feature (an update's
 * value included), and names the results.
 */
import type { EndpointSpec } from "../spec.js";
import { nameResults } from "./named-results.js";
import { GradioUpdate, updateProps, wireUpdate } from "./update.js";

/** Public results in order; `mapFiles` converts the files of one result value. */
export async function publicOutputs(
  spec: EndpointSpec,
  wire: readonly unknown[],
  mapFiles?: (value: unknown, paths: NonNullable<EndpointSpec["returns"][number]["files"]>) => Promise<unknown>,
): Promise<unknown[]> {
  const results: unknown[] = spec.returns.map(() => null);
  for (const [position, slot] of spec.outputs.entries()) {
    if (typeof slot !== "number") continue;
    const paths = spec.returns[slot]?.files;
    const decode = (value: unknown) => (paths && mapFiles ? mapFiles(value, paths) : Promise.resolve(value));
    const value: unknown = wire[position] ?? null;
    const update = wireUpdate(value);
    results[slot] =
      update === null
        ? await decode(value)
        : new GradioUpdate(
            updateProps(update),
            "value" in update ? { value: await decode(update["value"]) } : undefined,
          );
  }
  return nameResults(results, spec.returns);
}
