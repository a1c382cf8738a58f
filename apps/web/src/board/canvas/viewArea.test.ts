import { describe, expect, it } from 'vitest';
import { viewAreaKey, viewAreaOf } from './viewArea.ts';

const SCREEN = { width: 1280, height: 720 };

function areaAt(x: number, y: number, zoom: number) {
  return viewAreaOf(viewAreaKey([x, y, zoom], SCREEN.width, SCREEN.height));
}

describe('viewAreaKey', () => {
  it('covers the view with half a view to spare on every side', () => {
    for (const [x, y, zoom] of [
      [0, 0, 1],
      [-4000, 1200, 0.35],
      [350, -77, 2.3],
    ] as const) {
      const area = areaAt(x, y, zoom);
      const view = { x: -x / zoom, y: -y / zoom, width: SCREEN.width / zoom, height: SCREEN.height / zoom };
      expect(area.x).toBeLessThanOrEqual(view.x);
      expect(area.y).toBeLessThanOrEqual(view.y);
      expect(area.x + area.width).toBeGreaterThanOrEqual(view.x + view.width);
      expect(area.y + area.height).toBeGreaterThanOrEqual(view.y + view.height);
    }
  });

  it('stays the same for small pans and zooms, so the nodes are not re-culled every frame', () => {
    const key = viewAreaKey([-1000, -500, 0.5], SCREEN.width, SCREEN.height);
    expect(viewAreaKey([-1010, -505, 0.5], SCREEN.width, SCREEN.height)).toBe(key);
    expect(viewAreaKey([-1000, -500, 0.51], SCREEN.width, SCREEN.height)).toBe(key);
    // A pan by a whole view, or a zoom by half, moves the area.
    expect(viewAreaKey([-1000 - SCREEN.width, -500, 0.5], SCREEN.width, SCREEN.height)).not.toBe(key);
    expect(viewAreaKey([-1000, -500, 0.75], SCREEN.width, SCREEN.height)).not.toBe(key);
  });
});
