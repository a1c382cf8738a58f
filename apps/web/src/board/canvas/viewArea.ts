import type { Rect } from './minimapGeometry.ts';

/** Re-cull when the view has moved by this share of itself. */
const STEPS_PER_VIEW = 4;
/** Zoom is snapped to steps of 2^(1/4); the real zoom is at most 2^(1/8) below its step. */
const ZOOM_STEPS_PER_OCTAVE = 4;
const WIDEST_VIEW = 2 ** (1 / (2 * ZOOM_STEPS_PER_OCTAVE));
/** What the area adds around that, on each side, as a share of the view (rounding, a pane resize). */
const MARGIN = 1 / 16;

/**
 * The area of the board React Flow is given nodes for at a viewport (`transform` as React Flow stores it: x, y, zoom;
 * `width`×`height` in screen pixels): the widest view at this zoom step from where the view is, snapped to
 * a grid of a quarter view, so panning or zooming a little keeps the same area (and the same nodes).
 * It is kept tight, about 1.4 views wide and high: React Flow walks every node and edge it is given on
 * every frame, and the nodes it lets in are drawn the same frame, so nothing needs to be given early.
 * As text, so that a store selector can compare it by value.
 */
export function viewAreaKey(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): string {
  const [tx, ty, zoom] = transform;
  const steppedZoom = 2 ** (Math.round(Math.log2(zoom) * ZOOM_STEPS_PER_OCTAVE) / ZOOM_STEPS_PER_OCTAVE);
  const viewWidth = (width / steppedZoom) * WIDEST_VIEW;
  const viewHeight = (height / steppedZoom) * WIDEST_VIEW;
  const stepX = viewWidth / STEPS_PER_VIEW;
  const stepY = viewHeight / STEPS_PER_VIEW;
  const x = Math.floor(-tx / zoom / stepX) * stepX - viewWidth * MARGIN;
  const y = Math.floor(-ty / zoom / stepY) * stepY - viewHeight * MARGIN;
  return `${x} ${y} ${stepX + viewWidth * (1 + 2 * MARGIN)} ${stepY + viewHeight * (1 + 2 * MARGIN)}`;
}

export function viewAreaOf(key: string): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = key.split(' ').map(Number);
  return { x, y, width, height };
}
