import { describe, expect, it } from 'vitest';
import { lintBoard } from '../grammar/lint.ts';
import { BOARD_TEMPLATES } from './template-list.ts';
import { templateBoard } from './templates.ts';

describe('board templates', () => {
  it('the empty board is empty', () => {
    expect(templateBoard('empty')).toBeUndefined();
  });

  it('the Big Picture wall has a legend, the timeline with its arrow and a lane per later step, all of them bands behind the notes', () => {
    const wall = templateBoard('bigPicture')!;
    expect(wall.level).toBe('bigPicture');
    const texts = wall.elements.map((element) => element.text);
    expect(wall.elements.every((element) => element.kind === 'swimlane')).toBe(true);
    expect(texts[0]).toMatch(/^Legend\nDomain event: something that happened/);
    expect(texts.some((text) => /^Timeline: .*▶$/.test(text))).toBe(true);
    for (const lane of ['People and systems', 'Problems and opportunities', 'Pick your problem']) {
      expect(texts.some((text) => text.startsWith(lane))).toBe(true);
    }
    expect(lintBoard({ schemaVersion: 1, ...wall }).filter((issue) => issue.severity === 'error')).toEqual(
      [],
    );
  });

  it('the examples are the shipped example boards', () => {
    const banking = templateBoard('bankingPayments')!;
    const shipping = templateBoard('containerShipping')!;
    expect(banking.elements.some((element) => element.text === 'Payment Requested')).toBe(true);
    expect(shipping.elements.some((element) => element.text === 'Container Delivered')).toBe(true);
    expect(banking.connections.length).toBeGreaterThan(0);
  });

  it('every template is one of the list', () => {
    for (const template of BOARD_TEMPLATES) expect(() => templateBoard(template)).not.toThrow();
  });
});
