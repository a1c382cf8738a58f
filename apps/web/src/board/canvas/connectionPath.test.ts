import { describe, expect, it } from 'vitest';
import { ARROW_GAP, connectionPath } from './connectionPath.ts';

const source = { x: 0, y: 0, width: 140, height: 100 };

describe('connectionPath', () => {
  it('starts and ends just outside the middle of the facing sides', () => {
    const left = connectionPath(source, { x: -400, y: 20, width: 140, height: 100 });
    expect(left.start).toEqual({ x: -ARROW_GAP, y: 50 });
    expect(left.end).toEqual({ x: -260 + ARROW_GAP, y: 70 });
    const below = connectionPath(source, { x: 30, y: 300, width: 140, height: 100 });
    expect(below.start).toEqual({ x: 70, y: 100 + ARROW_GAP });
    expect(below.end).toEqual({ x: 100, y: 300 - ARROW_GAP });
  });

  it('draws React Flow’s bezier: out of each side by half the distance, label at the middle', () => {
    const right = connectionPath(source, { x: 340, y: 0, width: 140, height: 100 });
    // 145 → 335: control points 95 further along, straight out of each side.
    expect(right.path).toBe('M145,50 C240,50 240,50 335,50');
    expect([right.labelX, right.labelY]).toEqual([240, 50]);
  });
});
