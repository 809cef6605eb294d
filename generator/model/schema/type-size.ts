/** Counting the nodes of a type tree (shared subtrees counted once per use), iteratively. */
import type { TypeNode } from "../ir.js";

/** Nodes in `type` as printed (a subtree used twice counts twice), counting stops at `cap`. */
export function typeSize(type: TypeNode, cap: number): number {
  const stack: TypeNode[] = [type];
  let count = 0;
  for (let node = stack.pop(); node !== undefined && count < cap; node = stack.pop()) {
    count++;
    switch (node.kind) {
      case "array":
        stack.push(node.items);
        break;
      case "tuple":
        for (const item of node.items) stack.push(item);
        if (node.rest) stack.push(node.rest);
        break;
      case "object":
        for (const p of node.properties) stack.push(p.type);
        if (node.additional) stack.push(node.additional);
        break;
      case "union":
        for (const member of node.members) stack.push(member);
        break;
      default:
        break;
    }
  }
  return Math.min(count, cap);
}
