import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameSlices } from './frameSlices.ts';

const ids = (count: number, prefix = 'n') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('createFrameSlices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies a small change at once', () => {
    const synced: string[][] = [];
    const slices = createFrameSlices((slice) => synced.push([...slice]), 3);
    slices.apply(['a', 'b']);
    expect(synced).toEqual([['a', 'b']]);
  });

  it('applies a large change a slice per frame, none of it in the writing task', async () => {
    const synced: string[][] = [];
    const slices = createFrameSlices((slice) => synced.push([...slice]), 3);
    let applied = false;
    void slices.applied().then(() => {
      applied = true;
    });
    slices.apply(ids(7));
    expect(synced).toEqual([]);
    await vi.advanceTimersByTimeAsync(16);
    expect(synced).toEqual([['n0', 'n1', 'n2']]);
    await vi.advanceTimersByTimeAsync(32);
    expect(synced.flat()).toEqual(ids(7));
    expect(synced.map((slice) => slice.length)).toEqual([3, 3, 1]);
    expect(applied).toBe(true);
  });

  it('lets a small change go first and does not apply its elements twice', async () => {
    const synced: string[][] = [];
    const slices = createFrameSlices((slice) => synced.push([...slice]), 3);
    slices.apply(ids(6));
    slices.apply(['n5', 'typed']);
    expect(synced).toEqual([['n5', 'typed']]);
    await vi.advanceTimersByTimeAsync(48);
    expect(synced.flat().sort()).toEqual([...ids(6), 'typed'].sort());
  });

  it('stops on cancel and releases whoever waits', async () => {
    const synced: string[][] = [];
    const slices = createFrameSlices((slice) => synced.push([...slice]), 3);
    slices.apply(ids(9));
    const waiting = slices.applied();
    slices.cancel();
    await waiting;
    await vi.advanceTimersByTimeAsync(100);
    expect(synced).toEqual([]);
  });
});
