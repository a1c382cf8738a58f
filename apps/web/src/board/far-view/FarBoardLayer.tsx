import { useStoreApi } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { ConnectionEdge, ElementNode } from '../canvas/elementNode.ts';
import { farLines, farShapes } from './farBoard.ts';
import { paintFarBoard } from './paintFarBoard.ts';

interface FarBoardLayerProps {
  /** Every element of the board in paint order: the live board's nodes, or the preview's. */
  readonly nodes: readonly ElementNode[];
  readonly edges: readonly ConnectionEdge[];
  /** The elements React Flow still renders as nodes at this zoom (the selection): only outlined here. */
  readonly interactive: readonly ElementNode[];
}

/**
 * The board far out, drawn on one canvas under React Flow's viewport instead of as thousands of DOM
 * nodes. It draws the nodes' current positions (a drag or a colleague's live drag moves them here too)
 * and redraws once per animation frame when the viewport moves, without rendering React.
 */
export const FarBoardLayer = memo(function FarBoardLayer({ nodes, edges, interactive }: FarBoardLayerProps) {
  const flowStore = useStoreApi<ElementNode, ConnectionEdge>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const nodeById = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const skip = useMemo(() => new Set(interactive.map((node) => node.id)), [interactive]);

  // A layout effect: the first picture is on screen in the frame React Flow drops its nodes.
  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { transform, width, height } = flowStore.getState();
      const ratio = window.devicePixelRatio || 1;
      // Sized in device pixels so rectangles and names stay sharp on high-density screens.
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (element.width !== pixelWidth) element.width = pixelWidth;
      if (element.height !== pixelHeight) element.height = pixelHeight;
      const shapes = farShapes(nodes, transform, width, height);
      const lines = farLines(edges, nodeById, transform, width, height);
      paintFarBoard(context, { shapes, lines, skip }, width, height, ratio);
    };
    draw();
    const unsubscribe = flowStore.subscribe((state, previous) => {
      const moved =
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height;
      if (moved && frame === 0) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [flowStore, nodes, edges, nodeById, skip]);

  // Hidden from assistive technology: `FarZoomStatus` says what it is.
  return (
    <div className="far-board" aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
});

/** Tells assistive technology that far out the notes are a picture (their names are read once zoomed in). */
export const FarZoomStatus = memo(function FarZoomStatus({ far }: { readonly far: boolean }) {
  return (
    <p role="status" className="visually-hidden">
      {far ? 'Board overview: zoom in to read and edit the notes' : ''}
    </p>
  );
});
