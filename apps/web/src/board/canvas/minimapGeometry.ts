import type { BoardElement } from '@squall/model';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest rectangle holding all elements (and the visible area, so it never leaves the map). */
export function boundsOf(elements: Iterable<BoardElement>, extra?: Rect): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const add = (x: number, y: number, width: number, height: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  };
  for (const element of elements)
    add(element.position.x, element.position.y, element.size.width, element.size.height);
  if (extra) add(extra.x, extra.y, extra.width, extra.height);
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/** Scale and offset that fit `world` into a `width`×`height` map, centred, with a margin. */
export function fitTransform(world: Rect, width: number, height: number, margin = 6) {
  const scale = Math.min((width - margin * 2) / world.width, (height - margin * 2) / world.height);
  return {
    scale,
    offsetX: (width - world.width * scale) / 2 - world.x * scale,
    offsetY: (height - world.height * scale) / 2 - world.y * scale,
  };
}
