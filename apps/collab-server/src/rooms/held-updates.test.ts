import { describe, expect, it } from 'vitest';
import { HeldUpdates } from './held-updates.ts';

describe('held updates', () => {
  it('knows an update by its bytes, wherever they are stored', () => {
    const held = new HeldUpdates();
    held.add(Uint8Array.of(1, 2, 3));
    // The same bytes read back from the database, as a slice of a larger buffer.
    const row = Buffer.from([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(held.has(row)).toBe(true);
    expect(held.has(Uint8Array.of(1, 2, 4))).toBe(false);
    expect(held.has(Uint8Array.of(1, 2))).toBe(false);
  });

  it('forgets folded rows at once, and what two compactions did not find', () => {
    const held = new HeldUpdates();
    const folded = Uint8Array.of(1);
    const storedLater = Uint8Array.of(2);
    const foldedElsewhere = Uint8Array.of(3);
    held.add(folded);
    held.add(storedLater);
    held.add(foldedElsewhere);
    held.folded([folded]);
    expect([held.has(folded), held.has(storedLater), held.has(foldedElsewhere)]).toEqual([false, true, true]);
    held.folded([storedLater]);
    expect(held.size).toBe(0);
  });

  it('does not remember large updates (they are applied again instead)', () => {
    const held = new HeldUpdates();
    const large = new Uint8Array(64 * 1024);
    held.add(large);
    expect(held.has(large)).toBe(false);
    expect(held.size).toBe(0);
  });
});
