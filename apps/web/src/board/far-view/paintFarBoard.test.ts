import type { BoardElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { elementNode } from '../canvas/elementNode.ts';
import { farShapes } from './farBoard.ts';
import { paintFarBoard } from './paintFarBoard.ts';

/** A 2D context that records the calls made on it and the styles set. */
function recordingContext() {
  const calls: Array<[string, ...unknown[]]> = [];
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: text.length * 7 });
      return (...args: unknown[]) => calls.push([String(key), ...args]);
    },
    set(target, key, value) {
      target[key] = value;
      calls.push([`${String(key)}=`, value]);
      return true;
    },
  });
  return { context: context as unknown as CanvasRenderingContext2D, calls };
}

const element = (
  id: string,
  x: number,
  kind: BoardElement['kind'] = 'domainEvent',
  text = '',
): BoardElement =>
  ({
    id,
    kind,
    text,
    position: { x, y: 0 },
    size: { width: 100, height: 100 },
    z: 'V',
    codeName: '',
  }) as BoardElement;

describe('paintFarBoard', () => {
  it('fills notes in their kind’s colour, and only outlines what React Flow draws itself', () => {
    const plain = elementNode(element('plain', 0));
    const held = { ...elementNode(element('held', 200)), selected: true };
    const shapes = farShapes([plain, held], [0, 0, 0.5], 800, 600);
    const { context, calls } = recordingContext();
    paintFarBoard(context, { shapes, lines: [], skip: new Set(['held']) }, 800, 600, 2);

    const rects = calls.filter(([name]) => name === 'rect').map(([, ...args]) => args);
    expect(rects).toContainEqual([0, 0, 50, 50]);
    expect(rects).not.toContainEqual([100, 0, 50, 50]);
    // The selection outline, 2 px outside the note React Flow renders over the picture.
    expect(rects).toContainEqual([98, -2, 54, 54]);
    expect(calls).toContainEqual(['fillStyle=', '#ff9f43']);
    expect(calls[0]).toEqual(['setTransform', 2, 0, 0, 2, 0, 0]);
  });

  it('writes a frame’s name after the notes, so notes along its top edge do not hide it', () => {
    const frame = elementNode({
      ...element('frame', 0, 'boundedContext', 'Payments'),
      size: { width: 1000, height: 600 },
    } as BoardElement);
    const note = elementNode(element('note', 10));
    const shapes = farShapes([frame, note], [0, 0, 0.5], 800, 600);
    const { context, calls } = recordingContext();
    paintFarBoard(context, { shapes, lines: [], skip: new Set() }, 800, 600, 1);

    const names = calls.map(([name]) => name);
    expect(names.lastIndexOf('fill')).toBeLessThan(names.indexOf('fillText'));
    expect(calls).toContainEqual(['fillText', 'Payments', 4, 9]);
  });
});
