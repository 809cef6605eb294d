/** Building normalized unions of `TypeNode`s (flattened, deduplicated, null last). */
import type { TypeNode } from "../ir.js";

const UNKNOWN: TypeNode = { kind: "unknown" };

/** A canonical string for structural equality of two type nodes. */
export function typeKey(type: TypeNode): string {
  return JSON.stringify(type, (_key, value: unknown) => value);
}

function flatten(members: readonly TypeNode[], out: TypeNode[]): void {
  for (const member of members) {
    if (member.kind === "union") flatten(member.members, out);
    else out.push(member);
  }
}

/** What the members of a union contain, computed once per union (not once per member). */
interface UnionFacts {
  readonly kinds: ReadonlySet<TypeNode["kind"]>;
  readonly plainNumber: boolean;
}

function unionFacts(all: readonly TypeNode[]): UnionFacts {
  return {
    kinds: new Set(all.map((m) => m.kind)),
    plainNumber: all.some((m) => m.kind === "number" && m.integer !== true),
  };
}

function absorbed(member: TypeNode, facts: UnionFacts): boolean {
  const { kinds } = facts;
  if (member.kind === "literal") {
    const base = typeof member.value;
    return kinds.has(base === "string" ? "string" : base === "number" ? "number" : "boolean");
  }
  if (member.kind === "number" && member.integer === true) {
    return facts.plainNumber;
  }
  if (kinds.has("json")) {
    return ["string", "number", "boolean", "null", "literal"].includes(member.kind);
  }
  return false;
}

/**
 * Union of `members`: nested unions flattened, identical branches deduplicated, literals and
 * integers absorbed by their base type, everything absorbed by `unknown`, `null` moved last.
 */
export function makeUnion(members: readonly TypeNode[]): TypeNode {
  const flat: TypeNode[] = [];
  flatten(members, flat);
  if (flat.some((m) => m.kind === "unknown")) return UNKNOWN;
  const seen = new Set<string>();
  const unique: TypeNode[] = [];
  for (const member of flat) {
    const key = typeKey(member);
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(member);
    }
  }
  const facts = unionFacts(unique);
  const kept = unique.filter((m) => !absorbed(m, facts));
  const ordered = [...kept.filter((m) => m.kind !== "null"), ...kept.filter((m) => m.kind === "null")];
  if (ordered.length === 0) return UNKNOWN;
  if (ordered.length === 1) return ordered[0] ?? UNKNOWN;
  return { kind: "union", members: ordered };
}
