import { boardFileFromDoc, connectElements, createElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardPreview } from '../sync/boardPreview.ts';
import { partInView } from './partInView.ts';

function board() {
  const doc = new Y.Doc();
  const near = createElement(doc, { kind: 'command', text: 'Near', position: { x: 0, y: 0 } }, {});
  const edge = createElement(doc, { kind: 'aggregate', text: 'Edge', position: { x: 390, y: 0 } }, {});
  const far = createElement(doc, { kind: 'domainEvent', text: 'Far', position: { x: 5000, y: 0 } }, {});
  const farther = createElement(doc, { kind: 'policy', text: 'Farther', position: { x: 9000, y: 0 } }, {});
  expect(connectElements(doc, { source: near, target: edge }, {}).ok).toBe(true);
  expect(connectElements(doc, { source: edge, target: far }, {}).ok).toBe(true);
  expect(connectElements(doc, { source: far, target: farther }, {}).ok).toBe(true);
  const { nodes, edges } = boardPreview(boardFileFromDoc(doc, 'Board'));
  return { nodes, edges, near, edge, far, farther };
}

const AREA = { x: -100, y: -100, width: 500, height: 500 };
const ids = (items: ReadonlyArray<{ id: string }>) => items.map((item) => item.id).sort();
/** Each edge as `source→target`, sorted (the board lists connections in the order of their random ids). */
const ends = (items: ReadonlyArray<{ source: string; target: string }>) =>
  items.map((item) => `${item.source}→${item.target}`).sort();

describe('partInView', () => {
  it('gives the nodes touching the area, the edges touching them and those edges’ far ends', () => {
    const { nodes, edges, near, edge, far } = board();
    const part = partInView(nodes, edges, AREA);
    // `far` is out of the area but ends an arrow that starts in it: React Flow needs both ends.
    expect(ids(part.nodes)).toEqual([near, edge, far].sort());
    expect(ends(part.edges)).toEqual([`${near}→${edge}`, `${edge}→${far}`].sort());
    // The board's own node objects, in its paint order: nothing is rebuilt when the view moves.
    expect(part.nodes.every((node) => nodes.includes(node))).toBe(true);
    expect(part.nodes).toEqual(nodes.filter((node) => part.nodes.includes(node)));
  });

  it('keeps the nodes asked for (the selection) wherever they are, with their edges', () => {
    const { nodes, edges, near, edge, far, farther } = board();
    const part = partInView(nodes, edges, AREA, new Set([farther]));
    expect(ids(part.nodes)).toEqual([near, edge, far, farther].sort());
    expect(ends(part.edges)).toContain(`${far}→${farther}`);
  });

  it('finds notes far from the origin and frames larger than its index cells', () => {
    const doc = new Y.Doc();
    const far = createElement(doc, { kind: 'command', text: 'Far', position: { x: -50_000, y: 70_000 } }, {});
    const frame = createElement(
      doc,
      {
        kind: 'boundedContext',
        text: 'Huge',
        position: { x: -20_000, y: -20_000 },
        size: { width: 40_000, height: 40_000 },
      },
      {},
    );
    const { nodes, edges } = boardPreview(boardFileFromDoc(doc, 'Board'));
    expect(ids(partInView(nodes, edges, { x: -50_100, y: 69_900, width: 300, height: 300 }).nodes)).toEqual([
      far,
    ]);
    expect(ids(partInView(nodes, edges, AREA).nodes)).toEqual([frame]);
  });
  it('gives the previous part’s arrays again when the same objects are in view', () => {
    const { nodes, edges } = board();
    const first = partInView(nodes, edges, AREA);
    const again = partInView([...nodes], [...edges], AREA, new Set(), first);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    // A moved note is a new object: new nodes, but the edges are the same and keep their array.
    const moved = nodes.map((node, i) => (i === 0 ? { ...node, position: { ...node.position } } : node));
    const afterMove = partInView(moved, edges, AREA, new Set(), first);
    expect(afterMove.nodes).not.toBe(first.nodes);
    expect(afterMove.edges).toBe(first.edges);
  });
});
