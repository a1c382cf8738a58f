import { boardFileFromDoc, connectElements, createElement } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardPreview } from './boardPreview.ts';
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
