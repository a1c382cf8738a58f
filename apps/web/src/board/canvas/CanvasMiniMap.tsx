import { type BoardElement, isFrameKind, KIND_INFO } from '@squall/model';
import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { useView } from '../SessionContext.ts';
import type { ElementNode } from './elementNode.ts';
import { boundsOf, fitTransform } from './minimapGeometry.ts';

const WIDTH = 200;
const HEIGHT = 130;

/**
 * An overview of the whole board drawn on a canvas: the notes are painted into a cached bitmap only when
 * the board changes, so panning costs one bitmap copy and a rectangle, whatever the board's size
 * (an SVG minimap repaints thousands of shapes on every frame). Click or drag on it to move the view.
 */
export function CanvasMiniMap({ preview }: { readonly preview: readonly BoardElement[] | undefined }) {
  const liveElements = useView((state) => state.elements);
  const elements = useMemo(() => preview ?? [...liveElements.values()], [preview, liveElements]);
  const [tx, ty, zoom] = useFlowStore((state) => state.transform);
  const paneWidth = useFlowStore((state) => state.width);
  const paneHeight = useFlowStore((state) => state.height);
  const flow = useReactFlow<ElementNode>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);

  const board = useMemo(() => boundsOf(elements), [elements]);
  const visible = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  // The map's frame grows only when the view leaves the board, so the cached bitmap stays valid.
  const world = board ?? visible;
  const transform = fitTransform(world, WIDTH, HEIGHT);

  const bitmap = useMemo(() => {
    const ratio = window.devicePixelRatio || 1;
    const image = document.createElement('canvas');
    image.width = WIDTH * ratio;
    image.height = HEIGHT * ratio;
    const context = image.getContext('2d');
    if (!context || !board) return image;
    const { scale, offsetX, offsetY } = fitTransform(board, WIDTH, HEIGHT);
    context.scale(ratio, ratio);
    for (const element of elements) {
      const frame = isFrameKind(element.kind);
      context.fillStyle = frame ? 'rgba(100,116,139,0.18)' : KIND_INFO[element.kind].color;
      context.fillRect(
        element.position.x * scale + offsetX,
        element.position.y * scale + offsetY,
        Math.max(1, element.size.width * scale),
        Math.max(1, element.size.height * scale),
      );
    }
    return image;
  }, [elements, board]);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, WIDTH, HEIGHT);
    context.drawImage(bitmap, 0, 0, WIDTH, HEIGHT);
    const { scale, offsetX, offsetY } = transform;
    context.strokeStyle = '#2f6fed';
    context.lineWidth = 1.5;
    context.strokeRect(
      visible.x * scale + offsetX,
      visible.y * scale + offsetY,
      visible.width * scale,
      visible.height * scale,
    );
  });

  function moveTo(event: PointerEvent<HTMLCanvasElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - transform.offsetX) / transform.scale;
    const y = (event.clientY - box.top - transform.offsetY) / transform.scale;
    void flow.setCenter(x, y, { zoom });
  }

  return (
    <canvas
      ref={canvas}
      className="minimap nodrag nowheel"
      role="img"
      aria-label="Minimap"
      width={WIDTH * (window.devicePixelRatio || 1)}
      height={HEIGHT * (window.devicePixelRatio || 1)}
      style={{ width: WIDTH, height: HEIGHT }}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => dragging.current && moveTo(event)}
      onPointerUp={() => {
        dragging.current = false;
      }}
    />
  );
}
