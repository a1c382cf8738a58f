import { describe, expect, it } from 'vitest';
import { FAR_ZOOM } from '../far-view/farBoard.ts';
import { initialViewport } from './initialViewport.ts';

describe('initialViewport', () => {
  it('keeps an empty board at zoom 1 at the origin', () => {
    expect(initialViewport(null, 0, 800, 600)).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('centres a small board without enlarging it', () => {
    expect(initialViewport({ x: 0, y: 0, width: 200, height: 100 }, 2, 800, 600)).toEqual({
      x: 300,
      y: 250,
      zoom: 1,
    });
  });

  it('fits a workshop board whole, down to the far-zoom overview, and never zooms a large board out past 0.35', () => {
    expect(initialViewport({ x: 0, y: 0, width: 3600, height: 1400 }, 40, 1000, 800).zoom).toBeCloseTo(0.25);
    // It would fit at 0.2: it opens at the far-zoom threshold instead, as notes rather than an overview.
    expect(initialViewport({ x: 0, y: 0, width: 4500, height: 1400 }, 40, 1000, 800).zoom).toBe(FAR_ZOOM);
    expect(initialViewport({ x: 0, y: 0, width: 1800, height: 600 }, 30, 1000, 600).zoom).toBeCloseTo(0.5);
    const huge = initialViewport({ x: 0, y: 0, width: 9000, height: 50000 }, 5000, 1000, 600);
    expect(huge.zoom).toBe(0.35);
    expect(huge.x).toBeCloseTo(500 - 4500 * 0.35);
  });
});
