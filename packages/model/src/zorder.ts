/**
 * Fractional indexing for z-order: keys are base-62 fractions compared as plain strings, so an element
 * can move between two others by writing one key, and concurrent reorders never duplicate anything
 * (equal keys from two people are ordered by element id).
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function digit(char: string | undefined): number {
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

/** A key strictly between `a` and `b` (`''`/`undefined` mean the open ends); `a < b` required. */
function midpoint(a: string, b: string | undefined): string {
  if (b !== undefined) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = digit(a[0]);
  const high = b !== undefined ? digit(b[0]) : DIGITS.length;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  if (b !== undefined && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + midpoint(a.slice(1), undefined);
}

export function isZKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9A-Za-z]{1,200}$/.test(value) && !value.endsWith('0');
}

/**
 * A key between `before` and `after`; either may be undefined (the start or the end of the order).
 * Two people inserting at once can leave equal keys; then there is no key between them, and the result
 * goes just above `before` (ties are ordered by id, so nothing is lost, only that order is approximate).
 */
export function zBetween(before: string | undefined, after: string | undefined): string {
  const a = before ?? '';
  return midpoint(a, after !== undefined && a >= after ? undefined : after);
}

/** `count` ascending keys between `before` and `after`, spread evenly so their length grows with log(count). */
export function zKeysBetween(before: string | undefined, after: string | undefined, count: number): string[] {
  if (count <= 0) return [];
  const middle = zBetween(before, after);
  const left = Math.floor((count - 1) / 2);
  return [...zKeysBetween(before, middle, left), middle, ...zKeysBetween(middle, after, count - 1 - left)];
}

export function compareZ(a: { z: string; id: string }, b: { z: string; id: string }): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
