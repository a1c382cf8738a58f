import { type BoardElement, type ElementKind, KIND_INFO } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './nearestNote.ts';

const note = (id: string, x: number, y: number, kind: ElementKind = 'domainEvent') =>
  ({
    id,
    kind,
    text: id,
    position: { x, y },
    size: KIND_INFO[kind].defaultSize,
    z: 'V',
    codeName: '',
    fields: [],
  }) as BoardElement;

describe('nearestInDirection', () => {
  const from = note('from', 0, 0);
  const board = [
    from,
    note('right', 400, 0),
    note('diagonal', 250, -200),
    note('below', 0, 300),
    note('farBelow', 0, 900),
    note('left', -300, 20),
    note('lane', -1000, -50, 'swimlane'),
  ];

  it('prefers the note on the same row or column over a nearer one off the axis', () => {
    expect(nearestInDirection(board, from, 'right')?.id).toBe('right');
    expect(nearestInDirection(board, from, 'down')?.id).toBe('below');
    expect(nearestInDirection(board, from, 'left')?.id).toBe('left');
    // 'diagonal' is further right (250) than up (200): it is not "up" of the note.
    expect(nearestInDirection(board, from, 'up')).toBeUndefined();
    expect(nearestInDirection([...board, note('above', 50, -400)], from, 'up')?.id).toBe('above');
  });

  it('finds nothing where there is nothing, and never a lane or frame', () => {
    expect(nearestInDirection([from, note('lane', -1000, -50, 'swimlane')], from, 'left')).toBeUndefined();
    expect(nearestInDirection([from], from, 'right')).toBeUndefined();
  });
});
