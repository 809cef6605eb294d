/**
 * Mutations of a schema document for the generator fuzz test: type confusion, deletions, deep
 * nesting, huge strings and arrays, hostile names in any key or text, copied subtrees. Each
 * mutation picks one place of the document at random (every object member and array element is
 * a place) and returns a short description of what it did, for the failure report.
 */
import { HOSTILE } from "../../unit/hostile-names.js";
import type { Random } from "./random.js";

type Container = Record<string, unknown> | unknown[];

interface Place {
  readonly parent: Container;
  readonly key: string | number;
  readonly path: string;
}

/** Nesting depths tried: just past the model's bound, well inside the document bound, past it, far past it. */
const DEPTHS = [65, 300, 999, 1_001, 10_000];
/** Values of every JSON type, some of them with meaning to the generator. */
const CONFUSIONS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  "",
  "string",
  [],
  [null],
  {},
  { type: "object" },
  { $ref: "#/$defs/x" },
  { type: ["array", "object"] },
];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

/** Every place in `doc` (iteratively; a document from an earlier mutation may be deep). Capped. */
function places(doc: Container, limit = 20_000): Place[] {
  const out: Place[] = [];
  const stack: { node: Container; path: string }[] = [{ node: doc, path: "" }];
  for (let item = stack.pop(); item !== undefined && out.length < limit; item = stack.pop()) {
    const { node, path } = item;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const childPath = `${path}/${String(key)}`;
      out.push({ parent: node, key, path: childPath });
      const child: unknown = Array.isArray(node) ? node[key as number] : node[key as string];
      if (isContainer(child)) stack.push({ node: child, path: childPath });
    }
  }
  return out;
}

function get(place: Place): unknown {
  return Array.isArray(place.parent) ? place.parent[place.key as number] : place.parent[place.key as string];
}

function set(place: Place, value: unknown): void {
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else place.parent[place.key as string] = value;
}

function nested(rng: Random, depth: number, leaf: unknown): unknown {
  const shape = rng.int(4);
  let value = leaf;
  for (let i = 0; i < depth; i++) {
    if (shape === 0) value = [value];
    else if (shape === 1) value = { a: value };
    else if (shape === 2)
      value = i % 2 === 0 ? { type: "array", items: value } : { type: "object", properties: { p: value } };
    else value = { anyOf: [value, { type: "null" }] };
  }
  return value;
}

function hugeString(rng: Random): string {
  const unit = rng.chance(0.5) ? rng.pick(HOSTILE) || "x" : "x";
  return unit.repeat(Math.ceil(rng.pick([10_000, 100_000, 100_000, 1_000_000]) / unit.length));
}

type Mutation = (rng: Random, place: Place, all: readonly Place[]) => string;

const MUTATIONS: readonly Mutation[] = [
  (rng, place) => {
    set(place, structuredClone(rng.pick(CONFUSIONS)));
    return `type confusion at ${place.path}`;
  },
  (_rng, place) => {
    if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else delete place.parent[place.key as string];
    return `deleted ${place.path}`;
  },
  (rng, place) => {
    const depth = rng.pick(DEPTHS);
    set(place, nested(rng, depth, rng.chance(0.5) ? get(place) : 1));
    return `nested ${depth} deep at ${place.path}`;
  },
  (rng, place) => {
    set(place, hugeString(rng));
    return `huge string at ${place.path}`;
  },
  (rng, place) => {
    const item = get(place);
    const base = (typeof item === "string" ? item : rng.pick(HOSTILE)).slice(0, 20);
    set(
      place,
      Array.from({ length: rng.pick([1_000, 20_000]) }, (_, i) => (typeof item === "number" ? i : `${base}${i}`)),
    );
    return `huge array at ${place.path}`;
  },
  (rng, place) => {
    const name = rng.pick(HOSTILE);
    if (Array.isArray(place.parent) || rng.chance(0.5)) {
      set(place, name);
      return `hostile text ${JSON.stringify(name.slice(0, 20))} at ${place.path}`;
    }
    const value = place.parent[place.key as string];
    delete place.parent[place.key as string];
    place.parent[name] = value;
    return `key ${place.path} renamed to ${JSON.stringify(name.slice(0, 20))}`;
  },
  (rng, place, all) => {
    const source = rng.pick(all);
    set(place, structuredClone(get(source)));
    return `copied ${source.path} to ${place.path}`;
  },
];

/** Applies 1–3 random mutations to `doc` in place; returns what was done. */
export function mutate(doc: Container, rng: Random): string[] {
  const done: string[] = [];
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i++) {
    const all = places(doc);
    if (all.length === 0) break;
    const mutation = rng.pick(MUTATIONS);
    try {
      done.push(mutation(rng, rng.pick(all), all));
    } catch (error) {
      // structuredClone recurses: copying a 10,000-deep subtree can overflow the test's own stack.
      done.push(`(mutation skipped: ${String(error)})`);
    }
  }
  return done;
}
