/**
 * B4's token check, the same for every client: each value must be the next token `t<i>`; a value
 * equal to the previous one is the final result repeated by the completion message and is ignored.
 */
export function tokenCounter() {
  const state = { received: 0, outOfOrder: 0, lastAtMs: 0, last: undefined };
  return {
    state,
    add(value, atMs) {
      if (value === `t${state.received}`) {
        state.received++;
        state.lastAtMs = atMs;
      } else if (value !== state.last) state.outOfOrder++;
      state.last = value;
    },
  };
}
