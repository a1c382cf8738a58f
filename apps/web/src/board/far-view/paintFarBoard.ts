import { KIND_INFO } from '@squall/model';
import { type FarLine, type FarShape, FRAME_LABEL_BAND } from './farBoard.ts';

const FRAME_FILL = 'rgba(100, 116, 139, 0.14)';
const FRAME_BORDER = '#64748b';
const FRAME_NAME = '600 12px system-ui, sans-serif';
const FRAME_NAME_BACKGROUND = 'rgba(255, 255, 255, 0.85)';
const LINE = 'rgba(75, 85, 99, 0.6)';
const ILLEGAL_LINE = '#c62828';
const SELECTED = '#2f6fed';
const MATCH = '#ffb300';
/** Below this on-screen width a frame's name is not drawn: it would be clipped to nothing. */
const NAMED_FRAME_WIDTH = 40;

/** What the overview draws: shapes and lines in screen pixels, and the ids React Flow draws itself. */
export interface FarPicture {
  readonly shapes: readonly FarShape[];
  readonly lines: readonly FarLine[];
  /** Elements React Flow renders as nodes over the picture: only their outline (round them) is drawn. */
  readonly skip: ReadonlySet<string>;
}

/**
 * Paints the overview: frames (translucent), connections as thin lines, notes as rectangles of their
 * kind's colour, frame names on top (so notes along a frame's top edge do not hide them), then the
 * outlines of selected elements and search matches, which stay visible at any zoom. Notes are filled one
 * path per colour (a few `fill` calls for thousands of notes), so where notes of different kinds overlap,
 * the overview may stack them differently from the canvas.
 */
export function paintFarBoard(
  context: CanvasRenderingContext2D,
  { shapes, lines, skip }: FarPicture,
  width: number,
  height: number,
  ratio: number,
): void {
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);

  const frames: FarShape[] = [];
  const notesByColor = new Map<string, FarShape[]>();
  const outlined: FarShape[] = [];
  for (const shape of shapes) {
    if (shape.node.selected || shape.node.className) outlined.push(shape);
    if (skip.has(shape.node.id)) continue;
    if (shape.node.type === 'frame') {
      frames.push(shape);
      continue;
    }
    const color = KIND_INFO[shape.node.data.element.kind].color;
    const group = notesByColor.get(color);
    if (group) group.push(shape);
    else notesByColor.set(color, [shape]);
  }

  context.lineWidth = 1;
  context.fillStyle = FRAME_FILL;
  context.strokeStyle = FRAME_BORDER;
  for (const frame of frames) {
    context.fillRect(frame.x, frame.y, frame.width, frame.height);
    context.strokeRect(frame.x, frame.y, frame.width, frame.height);
  }

  for (const illegal of [false, true]) {
    context.strokeStyle = illegal ? ILLEGAL_LINE : LINE;
    context.beginPath();
    for (const line of lines) {
      if ((line.edge.className === 'is-illegal') !== illegal) continue;
      context.moveTo(line.x1, line.y1);
      context.lineTo(line.x2, line.y2);
    }
    context.stroke();
  }

  for (const [color, group] of notesByColor) {
    context.fillStyle = color;
    context.beginPath();
    for (const shape of group)
      context.rect(shape.x, shape.y, Math.max(1, shape.width), Math.max(1, shape.height));
    context.fill();
  }

  for (const frame of frames) paintFrameName(context, frame);

  context.lineWidth = 2;
  for (const selected of [false, true]) {
    context.strokeStyle = selected ? SELECTED : MATCH;
    context.beginPath();
    for (const shape of outlined) {
      if ((shape.node.selected ?? false) !== selected) continue;
      context.rect(shape.x - 2, shape.y - 2, shape.width + 4, shape.height + 4);
    }
    context.stroke();
  }
}

/** A frame's name in its top band, on a light label, clipped to the frame's width. */
function paintFrameName(context: CanvasRenderingContext2D, frame: FarShape): void {
  const name = frame.node.data.element.text.trim();
  if (!name || frame.width < NAMED_FRAME_WIDTH) return;
  const band = Math.min(frame.height, FRAME_LABEL_BAND);
  context.save();
  context.beginPath();
  context.rect(frame.x, frame.y, frame.width, band);
  context.clip();
  context.font = FRAME_NAME;
  context.fillStyle = FRAME_NAME_BACKGROUND;
  context.fillRect(frame.x, frame.y, Math.min(frame.width, context.measureText(name).width + 8), band);
  context.fillStyle = KIND_INFO.boundedContext.textColor;
  context.textBaseline = 'middle';
  context.fillText(name, frame.x + 4, frame.y + band / 2);
  context.restore();
}
