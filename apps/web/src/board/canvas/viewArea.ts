import type { Rect } from './minimapGeometry.ts';

/** Re-cull when the view has moved by this share of itself. */
const STEPS_PER_VIEW = 4;

/**
 * The area of the board React Flow is given nodes for at a viewport (`transform` as React Flow stores it: x, y, zoom;
 * `width`×`height` in screen pixels): the view and half a view around it, snapped to a grid of a quarter
 * view and zoom steps of 2^¼, so panning or zooming a little keeps the same area (and the same nodes).
 * As text, so that a store selector can compare it by value.
 */
export function viewAreaKey(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): string {
  const [tx, ty, zoom] = transform;
  const steppedZoom = 2 ** (Math.round(Math.log2(zoom) * 4) / 4);
  const viewWidth = width / steppedZoom;
  const viewHeight = height / steppedZoom;
  const stepX = viewWidth / STEPS_PER_VIEW;
  const stepY = viewHeight / STEPS_PER_VIEW;
  const x = Math.floor(-tx / zoom / stepX) * stepX - viewWidth / 2;
  const y = Math.floor(-ty / zoom / stepY) * stepY - viewHeight / 2;
  return `${x} ${y} ${viewWidth * 2} ${viewHeight * 2}`;
}

export function viewAreaOf(key: string): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = key.split(' ').map(Number);
  return { x, y, width, height };
}
