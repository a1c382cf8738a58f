import { type BoardElement, isFrameKind } from '@squall/model';

export type Direction = 'left' | 'right' | 'up' | 'down';

const centre = (element: BoardElement) => ({
  x: element.position.x + element.size.width / 2,
  y: element.position.y + element.size.height / 2,
});

/**
 * The note the arrow key moves the selection to: among the notes whose centre lies in the quarter of
 * the plane that the arrow points into, the nearest, with distance across the arrow counting double
 * (so → prefers the note on the same row over a nearer one diagonally above). Frames and lanes are
 * skipped: the arrows walk the flow.
 */
export function nearestInDirection(
  elements: Iterable<BoardElement>,
  from: BoardElement,
  direction: Direction,
): BoardElement | undefined {
  const origin = centre(from);
  let best: BoardElement | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const element of elements) {
    if (element.id === from.id || isFrameKind(element.kind)) continue;
    const { x, y } = centre(element);
    const dx = x - origin.x;
    const dy = y - origin.y;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

export function directionOfKey(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}
