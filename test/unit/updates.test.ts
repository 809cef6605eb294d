/**
 * Update dicts in outputs (docs/protocol.md §2.5) become typed `GradioUpdate`s, never a value of
 * the wrong type: without a value (gr.update(maximum=20), gr.skip()) they carry only props.
 */
import { describe, expect, it } from "vitest";
// biome-ignore lint/suspicious/noShadowRestrictedNames: the runtime's exported helper of that name
import { GradioError, GradioUpdate, requireValue, valueOf, type EndpointSpec } from "../../runtime/src/index.js";
import { publicOutputs } from "../../runtime/src/session/outputs.js";

const spec: EndpointSpec = {
  apiName: "x",
  fnIndex: 0,
  inputs: [],
  outputs: [0, "state", 1],
  params: [],
  returns: [{ name: "level" }, { name: "file", files: [[]] }],
};
const mapFiles = async (value: unknown) => (value === null ? null : { decoded: value });

describe("publicOutputs with updates", () => {
  it("an update without a value → GradioUpdate with props only; with a value → the value decoded (files too)", async () => {
    const [level, file] = await publicOutputs(
      spec,
      [{ __type__: "update", maximum: 20 }, null, { __type__: "update", visible: true, value: { path: "a" } }],
      mapFiles,
    );
    expect(level).toBeInstanceOf(GradioUpdate);
    const update = level as GradioUpdate<number>;
    expect([update.props, update.hasValue, "value" in update, valueOf(update)]).toEqual([
      { maximum: 20 },
      false,
      false,
      undefined,
    ]);
    expect(() => requireValue(update)).toThrow(GradioError);
    expect(JSON.stringify(update)).toBe('{"__type__":"update","maximum":20}');
    const withValue = file as GradioUpdate<unknown>;
    expect([withValue.props, withValue.hasValue, withValue.value, requireValue(withValue)]).toEqual([
      { visible: true },
      true,
      { decoded: { path: "a" } },
      { decoded: { path: "a" } },
    ]);
  });

  it("gr.skip() → an update with no props and no value; plain values pass through", async () => {
    const [skipped, plain] = await publicOutputs(spec, [{ __type__: "update" }, null, { path: "b" }], mapFiles);
    expect(skipped).toEqual(new GradioUpdate({}));
    expect(plain).toEqual({ decoded: { path: "b" } });
    expect(requireValue(7)).toBe(7);
  });
});
