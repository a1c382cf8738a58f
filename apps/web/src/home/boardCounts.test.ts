import { describe, expect, it } from 'vitest';
import { boardCounts } from './boardCounts.ts';

describe('boardCounts', () => {
  it('says how many elements, connections and people, in words', () => {
    expect(boardCounts({ id: 'a', name: 'A', elementCount: 1, connectionCount: 0 })).toBe(
      '1 element · 0 connections',
    );
    expect(
      boardCounts({ id: 'a', name: 'A', elementCount: 12, connectionCount: 8, activeConnections: 2 }),
    ).toBe('12 elements · 8 connections · 2 people here now');
  });

  it('leaves out what the server did not send', () => {
    expect(boardCounts({ id: 'a', name: 'A' })).toBe('');
  });
});
