import type { BoardElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { boundsOf, fitTransform } from './minimapGeometry.ts';

const note = (x: number, y: number): BoardElement => ({
  id: `${x},${y}`,
  kind: 'actor',
  text: '',
  position: { x, y },
  size: { width: 100, height: 50 },
  z: 'V',
  codeName: '',
});

describe('minimap geometry', () => {
  it('bounds all elements and the extra rectangle', () => {
    expect(boundsOf([note(0, 0), note(300, 200)])).toEqual({ x: 0, y: 0, width: 400, height: 250 });
    expect(boundsOf([note(0, 0)], { x: -50, y: 10, width: 10, height: 10 })).toEqual({
      x: -50,
      y: 0,
      width: 150,
      height: 50,
    });
    expect(boundsOf([])).toBeNull();
  });

  it('fits the world into the map, centred', () => {
    const t = fitTransform({ x: 0, y: 0, width: 400, height: 200 }, 212, 112, 6);
    expect(t.scale).toBe(0.5);
    expect(0 * t.scale + t.offsetX).toBe(6);
    expect(400 * t.scale + t.offsetX).toBe(206);
    expect(100 * t.scale + t.offsetY).toBe(56);
  });
});
