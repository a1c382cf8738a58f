import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { Canvas } from './Canvas.tsx';
import { initialViewport } from './initialViewport.ts';
import { boundsOf } from './minimapGeometry.ts';
import { useSession } from './SessionContext.ts';

/** Measures the canvas area once, so the board's first render is already at its fitted viewport. */
export function CanvasArea({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const area = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<ReturnType<typeof initialViewport> | null>(null);
  useLayoutEffect(() => {
    const box = area.current?.getBoundingClientRect();
    if (!box) return;
    const { elements } = session.view.store.getState();
    setViewport(initialViewport(boundsOf(elements.values()), elements.size, box.width, box.height));
  }, [session]);
  return (
    <div className="board__canvas" ref={area}>
      {viewport && <Canvas defaultViewport={viewport} />}
      {children}
    </div>
  );
}
