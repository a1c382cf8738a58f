import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useSession } from '../SessionContext.ts';
import type { BoardPreview } from '../sync/boardPreview.ts';
import { Canvas } from './Canvas.tsx';
import { initialViewport } from './initialViewport.ts';
import { boundsOf } from './minimapGeometry.ts';

interface CanvasAreaProps {
  /** A read-only picture to show until the live board has synced; null once it has. */
  readonly preview: BoardPreview | null;
  /** A view link or a locked board: nothing can be changed. */
  readonly readOnly: boolean;
  readonly children: ReactNode;
}

/** Measures the canvas area once, so the board's first render is already at its fitted viewport. */
export function CanvasArea({ preview, readOnly, children }: CanvasAreaProps) {
  const session = useSession();
  const area = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<ReturnType<typeof initialViewport> | null>(null);
  // Fitted once, when the board opens (from the preview or the live board, whichever came first):
  // refitting when the live board replaces the preview would make the view jump.
  const [opening] = useState(() => {
    const elements = preview?.elements ?? [...session.view.store.getState().elements.values()];
    return { bounds: boundsOf(elements), count: elements.length };
  });
  useLayoutEffect(() => {
    const box = area.current?.getBoundingClientRect();
    if (box) setViewport(initialViewport(opening.bounds, opening.count, box.width, box.height));
  }, [opening]);
  return (
    <div className="board__canvas" ref={area}>
      {viewport && <Canvas defaultViewport={viewport} preview={preview} readOnly={readOnly} />}
      {children}
    </div>
  );
}
