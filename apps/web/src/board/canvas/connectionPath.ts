import { type Box, type EdgeSides, edgeSides, type Side } from './edgeSides.ts';

/**
 * How far outside an element's border an arrow starts and ends: where the centre-line of the old
 * 10 px side handles put them, so the arrowhead is never under the note.
 */
export const ARROW_GAP = 5;
/** React Flow's default bezier curvature, so the canvas and the exported image draw the same curve. */
const CURVATURE = 0.25;

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ConnectionPath {
  /** SVG path data: one cubic bezier from the source's side to the target's. */
  readonly path: string;
  readonly start: Point;
  readonly end: Point;
  /** Where a label sits: the curve's midpoint. */
  readonly labelX: number;
  readonly labelY: number;
}

/** The middle of a box's side, `ARROW_GAP` outside it. */
function anchor(box: Box, side: Side): Point {
  switch (side) {
    case 'left':
      return { x: box.x - ARROW_GAP, y: box.y + box.height / 2 };
    case 'right':
      return { x: box.x + box.width + ARROW_GAP, y: box.y + box.height / 2 };
    case 'top':
      return { x: box.x + box.width / 2, y: box.y - ARROW_GAP };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height + ARROW_GAP };
  }
}

/** Where an arrow between two elements starts and ends, on the sides that face each other (`edgeSides`). */
export function connectionEnds(source: Box, target: Box): { sides: EdgeSides; start: Point; end: Point } {
  const sides = edgeSides(source, target);
  return { sides, start: anchor(source, sides.source), end: anchor(target, sides.target) };
}

/** React Flow's control-point offset: half the distance ahead, or a short loop when the other end is behind. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/** The control point that makes the curve leave `from` straight out of `side`. */
function control(from: Point, side: Side, to: Point): Point {
  switch (side) {
    case 'left':
      return { x: from.x - controlOffset(from.x - to.x), y: from.y };
    case 'right':
      return { x: from.x + controlOffset(to.x - from.x), y: from.y };
    case 'top':
      return { x: from.x, y: from.y - controlOffset(from.y - to.y) };
    case 'bottom':
      return { x: from.x, y: from.y + controlOffset(to.y - from.y) };
  }
}

/**
 * The arrow between two elements, leaving and entering the sides that face each other (`edgeSides`).
 * The same curve as React Flow's `getBezierPath`; one function for the canvas and the exported image,
 * so both draw every arrow alike.
 */
export function connectionPath(source: Box, target: Box): ConnectionPath {
  const { sides, start, end } = connectionEnds(source, target);
  const c1 = control(start, sides.source, end);
  const c2 = control(end, sides.target, start);
  return {
    path: `M${start.x},${start.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${end.x},${end.y}`,
    start,
    end,
    // The bezier at t = 0.5.
    labelX: start.x * 0.125 + c1.x * 0.375 + c2.x * 0.375 + end.x * 0.125,
    labelY: start.y * 0.125 + c1.y * 0.375 + c2.y * 0.375 + end.y * 0.125,
  };
}
