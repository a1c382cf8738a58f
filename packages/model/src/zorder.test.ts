import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareZ, isZKey, zBetween, zKeysBetween } from './zorder.ts';

const key = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((chars) => chars.join(''))
  .filter(isZKey);

describe('zBetween', () => {
  it('returns a valid key strictly between any two ordered keys', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const mid = zBetween(low, high);
        expect(isZKey(mid)).toBe(true);
        expect(low < mid && mid < high).toBe(true);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('extends the order at both open ends', () => {
    fc.assert(
      fc.property(key, (a) => {
        expect(zBetween(a, undefined) > a).toBe(true);
        expect(zBetween(undefined, a) < a).toBe(true);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('stays above `before` when two people left equal keys', () => {
    expect(zBetween('V', 'V') > 'V').toBe(true);
  });
});

describe('zKeysBetween', () => {
  it('spreads many keys so they stay short', () => {
    const keys = zKeysBetween(undefined, undefined, 10_000);
    expect(keys).toHaveLength(10_000);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(5);
  });

  it('keeps appended keys short even after repeated "bring to front"', () => {
    let top = 'V';
    for (let i = 0; i < 1000; i++) top = zBetween(top, undefined);
    expect(top.length).toBeLessThan(250);
  });
});

describe('compareZ', () => {
  it('orders by key, then by id for equal keys', () => {
    const items = [
      { z: 'b', id: '2' },
      { z: 'a', id: '9' },
      { z: 'b', id: '1' },
    ];
    expect(items.sort(compareZ).map((i) => i.id)).toEqual(['9', '1', '2']);
  });
});
