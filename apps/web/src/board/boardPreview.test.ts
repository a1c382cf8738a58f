import { boardFileFromDoc, connectElements, createElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardPreview, previewInView } from './boardPreview.ts';
import { createBoardView } from './boardView.ts';

describe('boardPreview', () => {
  it('draws the same nodes and edges as the live view of the same board', () => {
    const doc = new Y.Doc();
    createElement(doc, { kind: 'boundedContext', text: 'Payments', position: { x: -50, y: -50 } }, {});
    const command = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 0, y: 0 } }, {});
    const aggregate = createElement(
      doc,
      { kind: 'aggregate', text: 'Payment', position: { x: 300, y: 0 } },
      {},
    );
    connectElements(doc, { source: command, target: aggregate }, {});
    const live = createBoardView(doc).store.getState();
    const preview = boardPreview(boardFileFromDoc(doc, 'Board'));
    const shape = (nodes: typeof live.nodes) =>
      nodes.map(({ id, type, position, ariaLabel, width, height, handles }) => ({
        id,
        type,
        position,
        ariaLabel,
        width,
        height,
        handles,
      }));
    expect(shape(preview.nodes)).toEqual(shape(live.nodes));
    expect(preview.edges).toEqual(live.edges);
  });
});

describe('previewInView', () => {
  it('keeps the nodes touching the area and only the edges between them', () => {
    const doc = new Y.Doc();
    const near = createElement(doc, { kind: 'command', text: 'Near', position: { x: 0, y: 0 } }, {});
    const edge = createElement(doc, { kind: 'aggregate', text: 'Edge', position: { x: 390, y: 0 } }, {});
    const far = createElement(doc, { kind: 'domainEvent', text: 'Far', position: { x: 5000, y: 0 } }, {});
    connectElements(doc, { source: near, target: edge }, {});
    connectElements(doc, { source: edge, target: far }, {});
    const preview = boardPreview(boardFileFromDoc(doc, 'Board'));
    const part = previewInView(preview, { x: -100, y: -100, width: 500, height: 500 });
    expect(part.nodes.map((node) => node.id).sort()).toEqual([near, edge].sort());
    expect(part.edges.map((e) => [e.source, e.target])).toEqual([[near, edge]]);
    // The same node objects as the whole preview's: nothing is rebuilt when the view moves.
    expect(part.nodes.every((node) => preview.nodes.includes(node))).toBe(true);
  });
});
