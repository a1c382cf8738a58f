/** A side of an element's box; the values are React Flow's `Position`s. */
export type Side = 'left' | 'right' | 'top' | 'bottom';

/** An element's box on the board. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeSides {
  /** The side of the source the arrow leaves from. */
  readonly source: Side;
  /** The side of the target the arrow enters. */
  readonly target: Side;
}

/**
 * The sides an arrow between two elements leaves and enters, facing each other as on Miro or
 * Excalidraw: target mostly to the right, right → left; to the left, left → right; below,
 * bottom → top; above, top → bottom. "Mostly" compares the gaps between the boxes rather than their
 * centres, so an arrow to a note overlapping the source's column goes down even when the note is
 * slightly more to the side than below. Ties go horizontal: Event Storming timelines run left to right.
 */
export function edgeSides(source: Box, target: Box): EdgeSides {
  const dx = target.x + target.width / 2 - (source.x + source.width / 2);
  const dy = target.y + target.height / 2 - (source.y + source.height / 2);
  // Negative when the boxes overlap along that axis.
  const gapX = Math.abs(dx) - (source.width + target.width) / 2;
  const gapY = Math.abs(dy) - (source.height + target.height) / 2;
  if (gapX >= gapY)
    return dx >= 0 ? { source: 'right', target: 'left' } : { source: 'left', target: 'right' };
  return dy >= 0 ? { source: 'bottom', target: 'top' } : { source: 'top', target: 'bottom' };
}
