import type { Viewport } from '@xyflow/react';
import { FAR_ZOOM } from '../far-view/farBoard.ts';
import type { Rect } from './minimapGeometry.ts';

const PADDING = 0.05;
/**
 * A workshop-sized board opens whole, but never as the far-zoom overview (where notes cannot be read
 * or edited); a large one opens readable rather than as thousands of specks.
 */
const MIN_ZOOM = FAR_ZOOM;
const MIN_ZOOM_LARGE = 0.35;
const LARGE_BOARD = 500;
const MAX_ZOOM = 1;

/**
 * The viewport a board opens at: the whole board fitted (zoom 0.22–1; at least 0.35 for large boards), centred. Computed before the
 * first render, so the canvas never renders one set of notes and then another.
 */
export function initialViewport(
  board: Rect | null,
  elementCount: number,
  width: number,
  height: number,
): Viewport {
  if (!board || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const fit = Math.min(width / board.width, height / board.height) * (1 - PADDING * 2);
  const zoom = Math.min(MAX_ZOOM, Math.max(elementCount > LARGE_BOARD ? MIN_ZOOM_LARGE : MIN_ZOOM, fit));
  return {
    x: width / 2 - (board.x + board.width / 2) * zoom,
    y: height / 2 - (board.y + board.height / 2) * zoom,
    zoom,
  };
}
