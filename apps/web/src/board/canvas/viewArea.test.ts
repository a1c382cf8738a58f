import { describe, expect, it } from 'vitest';
import { viewAreaKey, viewAreaOf } from './viewArea.ts';

const SCREEN = { width: 1280, height: 720 };

function areaAt(x: number, y: number, zoom: number) {
  return viewAreaOf(viewAreaKey([x, y, zoom], SCREEN.width, SCREEN.height));
}

describe('viewAreaKey', () => {
  it('covers the view wherever it is within its step of pan and zoom', () => {
    const views: Array<readonly [number, number, number]> = [];
    for (const zoom of [1, 0.35, 2.3, 0.5 * 2 ** 0.124, 0.5 * 2 ** -0.124, 0.22]) {
      for (let dx = 0; dx < 1; dx += 0.05) views.push([-4000 - dx * SCREEN.width, 1200 + dx * 300, zoom]);
    }
    for (const [x, y, zoom] of views) {
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
    // About 1.4 views wide: React Flow walks all it is given on every frame.
    const area = viewAreaOf(key);
    expect(area.width).toBeLessThan(1.5 * (SCREEN.width / 0.5));
    expect(area.height).toBeLessThan(1.5 * (SCREEN.height / 0.5));
    // A pan by a whole view, or a zoom by half, moves the area.
    expect(viewAreaKey([-1000 - SCREEN.width, -500, 0.5], SCREEN.width, SCREEN.height)).not.toBe(key);
    expect(viewAreaKey([-1000, -500, 0.75], SCREEN.width, SCREEN.height)).not.toBe(key);
  });
});
