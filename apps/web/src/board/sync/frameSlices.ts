/**
 * Brings a large change of existing elements (an "Arrange flow" of 500 notes, a colleague's "Enforce
 * the timeline") onto the canvas a slice per animation frame: React Flow's cost per update grows with
 * the nodes that change, and 500 at once made one frame of 60–80 ms. Small changes, and elements the
 * canvas has not drawn yet (a board arriving), are applied at once.
 */
export interface FrameSlices {
  /** Applies `ids` now, or a slice of them in each of the next frames. */
  apply(ids: readonly string[]): void;
  /** Resolves once every change handed to `apply` is on the canvas. */
  applied(): Promise<void>;
  cancel(): void;
}

/** Changed elements per frame: "Arrange flow" on 500 notes kept every frame under 34 ms with it (`bench/flow.ts`). */
export const SLICE_SIZE = 40;

const nextFrame: (run: () => void) => () => void =
  typeof requestAnimationFrame === 'function'
    ? (run) => {
        const handle = requestAnimationFrame(run);
        return () => cancelAnimationFrame(handle);
      }
    : (run) => {
        const handle = setTimeout(run, 16);
        return () => clearTimeout(handle);
      };

export function createFrameSlices(
  sync: (ids: readonly string[]) => void,
  sliceSize = SLICE_SIZE,
): FrameSlices {
  const pending = new Set<string>();
  let cancelFrame: (() => void) | undefined;
  let waiting: Array<() => void> = [];

  function applySlice() {
    cancelFrame = undefined;
    const slice: string[] = [];
    for (const id of pending) {
      slice.push(id);
      if (slice.length === sliceSize) break;
    }
    for (const id of slice) pending.delete(id);
    sync(slice);
    if (pending.size > 0) {
      cancelFrame = nextFrame(applySlice);
      return;
    }
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  }

  return {
    apply(ids) {
      if (ids.length <= sliceSize) {
        // Read afresh from the document, so a slice still to come may safely read these again.
        for (const id of ids) pending.delete(id);
        sync(ids);
        return;
      }
      for (const id of ids) pending.add(id);
      // Not in this task: it holds the document's write (its observers, the undo step, the send).
      cancelFrame ??= nextFrame(applySlice);
    },
    applied() {
      return pending.size === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
    cancel() {
      cancelFrame?.();
      cancelFrame = undefined;
      pending.clear();
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    },
  };
}
