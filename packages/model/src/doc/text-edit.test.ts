import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textEdit } from './text-edit.ts';

describe('textEdit', () => {
  it('keeps the common prefix and suffix', () => {
    expect(textEdit('Order Placed', 'Order Was Placed')).toEqual({ index: 6, remove: 0, insert: 'Was ' });
    expect(textEdit('Order Placed', 'Order')).toEqual({ index: 5, remove: 7, insert: '' });
    expect(textEdit('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
    expect(textEdit('', 'x')).toEqual({ index: 0, remove: 0, insert: 'x' });
    expect(textEdit('주문', '주문 접수됨')).toEqual({ index: 2, remove: 0, insert: ' 접수됨' });
  });

  it('always turns before into after', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { index, remove, insert } = textEdit(before, after);
        expect(before.slice(0, index) + insert + before.slice(index + remove)).toBe(after);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});
