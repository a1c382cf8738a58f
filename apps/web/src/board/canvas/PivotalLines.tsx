import type { BoardElement } from '@squall/model';
import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useView } from '../SessionContext.ts';

/** How far the lines reach past the board's top and bottom elements. */
const OVERHANG = 400;

interface PivotalLine {
  readonly id: string;
  readonly x: number;
  readonly text: string;
}

function pivotalLines(elements: ReadonlyMap<string, BoardElement>) {
  const lines: PivotalLine[] = [];
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const element of elements.values()) {
    top = Math.min(top, element.position.y);
    bottom = Math.max(bottom, element.position.y + element.size.height);
    if (element.kind === 'domainEvent' && element.pivotal) {
      lines.push({ id: element.id, x: element.position.x + element.size.width / 2, text: element.text });
    }
  }
  return { lines, top: top - OVERHANG, height: bottom - top + 2 * OVERHANG };
}

/**
 * A vertical line through the board's height at each pivotal event, labelled with its text: the
 * timeline reads as phases. Drawn in board coordinates, so it pans and zooms with the notes.
 */
export function PivotalLines() {
  const elements = useView((state) => state.elements);
  const { lines, top, height } = useMemo(() => pivotalLines(elements), [elements]);
  if (lines.length === 0) return null;
  return (
    <ViewportPortal>
      {lines.map((line) => (
        <div
          key={line.id}
          className="pivotal-line"
          role="img"
          aria-label={`Phase border: ${line.text.trim() || 'pivotal event'}`}
          style={{ transform: `translate(${line.x - 2}px, ${top}px)`, height }}
        >
          <span className="pivotal-line__label" style={{ top: OVERHANG - 40 }}>
            {line.text}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
