import type { BoardElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { searchElements } from './searchElements.ts';

function note(id: string, text: string, x: number, y: number): BoardElement {
  return {
    id,
    kind: 'domainEvent',
    text,
    position: { x, y },
    size: { width: 140, height: 140 },
    z: 'V',
    codeName: '',
    fields: [],
  };
}

describe('searchElements', () => {
  const elements = [
    note('a', 'Payment Completed', 500, 0),
    note('b', 'Payment Requested', 0, 0),
    note('c', '결제 요청됨', 0, 300),
    note('d', 'Order Placed', 100, 0),
  ];

  it('finds case-insensitive matches in reading order', () => {
    expect(searchElements(elements, 'payment').map((element) => element.id)).toEqual(['b', 'a']);
  });

  it('finds Korean text', () => {
    expect(searchElements(elements, '결제').map((element) => element.id)).toEqual(['c']);
  });

  it('finds nothing for an empty query', () => {
    expect(searchElements(elements, '  ')).toEqual([]);
  });
});
