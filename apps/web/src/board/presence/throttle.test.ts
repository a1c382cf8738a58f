import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then at most once per interval with the latest arguments', () => {
    const calls: number[] = [];
    const throttled = throttle((n: number) => calls.push(n), 30);
    throttled(1);
    throttled(2);
    throttled(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(30);
    expect(calls).toEqual([1, 3]);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3]);
  });

  it('can be cancelled', () => {
    const calls: number[] = [];
    const throttled = throttle((n: number) => calls.push(n), 30);
    throttled(1);
    throttled(2);
    throttled.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1]);
  });
});
