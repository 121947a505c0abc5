/** A clock that real time moves and that injected waits move instantly: tests see every wait without taking it. */
export interface VirtualTime {
  /** Real milliseconds plus every virtual wait so far. */
  readonly clock: () => number;
  /** Records the wait, moves the clock, runs `onWait`, and resolves on the next turn of the event loop. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  readonly waits: readonly number[];
  /** Moves the clock without a wait (a cool-down passing). */
  advance(ms: number): void;
}

/** `onWait` runs during each wait with its index, e.g. to let the demo tenant recover after the n-th wait. */
export function virtualTime(onWait: (index: number) => void = () => {}): VirtualTime {
  let offset = 0;
  const waits: number[] = [];
  return {
    clock: () => Date.now() + offset,
    sleep: async (ms) => {
      waits.push(ms);
      offset += ms;
      onWait(waits.length - 1);
      await new Promise((resolve) => setImmediate(resolve));
    },
    waits,
    advance: (ms) => {
      offset += ms;
    },
  };
}
