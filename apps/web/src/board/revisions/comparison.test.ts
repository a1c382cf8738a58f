import type { BoardDiff } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { comparisonFrom, markOf } from './comparison.ts';

const change = (kind: string, elementId: string, event?: string) =>
  ({
    kind,
    elementId,
    event,
    context: 'Payments',
    summary: '',
    breaks: {},
    breaking: false,
    reason: '',
  }) as never;

describe('comparison marks', () => {
  it('maps change kinds to added, removed, changed', () => {
    expect(markOf('event-added')).toBe('added');
    expect(markOf('topic-removed')).toBe('removed');
    expect(markOf('event-renamed')).toBe('changed');
  });
  it('keeps one mark per note and names the removed ones', () => {
    const diff = {
      mode: 'backward',
      compatible: true,
      breakingCount: 0,
      changes: [
        change('event-added', 'a'),
        change('event-renamed', 'a'),
        change('event-removed', 'b', 'PaymentBlocked'),
      ],
    } as BoardDiff;
    const result = comparisonFrom('r1', diff);
    expect([...result.marks]).toEqual([
      ['a', 'added'],
      ['b', 'removed'],
    ]);
    expect(result.removed).toEqual(['PaymentBlocked']);
  });
});
