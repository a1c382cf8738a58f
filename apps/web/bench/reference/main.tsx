/**
 * The canvas benchmark's reference (issue #16): React Flow 12 as its documentation shows it, with
 * `onlyRenderVisibleElements`, default nodes and edges, on the grid of `gridBoard.ts`. The bench builds
 * it with Vite and opens it at Squall's viewport: `?n=5000&x=…&y=…&zoom=…`.
 */
import { type Edge, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(window.location.search);
const count = Number(params.get('n') ?? 5000);
const viewport = {
  x: Number(params.get('x') ?? 0),
  y: Number(params.get('y') ?? 0),
  zoom: Number(params.get('zoom') ?? 1),
};

// Same geometry as gridBoard.ts (40 columns, 220 px apart, 140×140).
const nodes: Node[] = Array.from({ length: count }, (_, k) => ({
  id: `n${k}`,
  position: { x: (k % 40) * 220, y: Math.floor(k / 40) * 220 },
  data: { label: `Note ${k}` },
  width: 140,
  height: 140,
}));
const edges: Edge[] = Array.from({ length: Math.floor(count / 2) }, (_, i) => ({
  id: `c${i}`,
  source: `n${2 * i}`,
  target: `n${2 * i + 1}`,
}));

createRoot(document.getElementById('root')!).render(
  <ReactFlow
    defaultNodes={nodes}
    defaultEdges={edges}
    defaultViewport={viewport}
    onlyRenderVisibleElements
    panOnScroll
    minZoom={0.05}
    maxZoom={4}
  />,
);
