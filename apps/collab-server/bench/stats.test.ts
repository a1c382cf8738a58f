import { describe, expect, it } from 'vitest';
import { concat, percentile } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = Float64Array.from([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(new Float64Array(), 50)).toBeNaN();
  });

  it('concatenates sample arrays', () => {
    expect([...concat([Float64Array.from([1, 2]), Float64Array.from([3])])]).toEqual([1, 2, 3]);
  });
});
