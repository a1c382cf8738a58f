import {
  boardFileFromDoc,
  connectElements,
  createElement,
  createElements,
  deleteElements,
  updateElement,
  updateElements,
} from '@squall/model';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { boardPreview } from './boardPreview.ts';
import { createBoardView } from './boardView.ts';
import { SLICE_SIZE } from './frameSlices.ts';

const origin = { user: 'test' };

function boardWithTwoNotes() {
  const doc = new Y.Doc();
  const command = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 0, y: 0 } }, origin);
  const aggregate = createElement(
    doc,
    { kind: 'aggregate', text: 'Payment', position: { x: 300, y: 0 } },
    origin,
  );
  return { doc, command, aggregate };
}

describe('createBoardView', () => {
  it('builds a node per element with the accessible label of its kind and text', () => {
    const { doc } = boardWithTwoNotes();
    const view = createBoardView(doc);
    const labels = view.store.getState().nodes.map((node) => node.ariaLabel);
    expect(labels.sort()).toEqual(['Aggregate: Payment', 'Command: Pay']);
  });

  it('rebuilds only the changed element and keeps the identity of the others', () => {
    const { doc, command, aggregate } = boardWithTwoNotes();
    const view = createBoardView(doc);
    const before = new Map(view.store.getState().nodes.map((node) => [node.id, node]));
    updateElement(doc, command, { text: 'Request payment' }, origin);
    const after = new Map(view.store.getState().nodes.map((node) => [node.id, node]));
    expect(after.get(aggregate)).toBe(before.get(aggregate));
    expect(after.get(command)).not.toBe(before.get(command));
    expect(after.get(command)?.ariaLabel).toBe('Command: Request payment');
  });

  it('keeps a selection across a remote edit of the selected element', () => {
    const { doc, command } = boardWithTwoNotes();
    const view = createBoardView(doc);
    view.select([command]);
    updateElement(doc, command, { position: { x: 40, y: 40 } }, 'remote');
    const node = view.store.getState().nodes.find((n) => n.id === command);
    expect(node?.selected).toBe(true);
    expect(node?.position).toEqual({ x: 40, y: 40 });
    expect([...view.store.getState().selectedIds]).toEqual([command]);
  });

  it('draws connections and drops them with their element', () => {
    const { doc, command, aggregate } = boardWithTwoNotes();
    const view = createBoardView(doc);
    const result = connectElements(doc, { source: command, target: aggregate }, origin);
    expect(result.ok).toBe(true);
    expect(view.store.getState().edges.map((edge) => edge.ariaLabel)).toEqual([
      'Connection from Command: Pay to Aggregate: Payment',
    ]);
    const edgesBefore = view.store.getState().edges;
    updateElement(doc, aggregate, { position: { x: 500, y: 0 } }, origin);
    // A move changes no edge: the array itself is kept, so React Flow does no edge work.
    expect(view.store.getState().edges).toBe(edgesBefore);
    deleteElements(doc, [aggregate], origin);
    expect(view.store.getState().edges).toEqual([]);
    expect(view.store.getState().nodes.map((node) => node.id)).toEqual([command]);
  });

  it('applies local drag positions and selection changes without touching the document', () => {
    const { doc, command } = boardWithTwoNotes();
    const view = createBoardView(doc);
    view.applyNodeChanges([
      { type: 'position', id: command, position: { x: 99, y: 7 }, dragging: true },
      { type: 'select', id: command, selected: true },
    ]);
    const node = view.store.getState().nodes.find((n) => n.id === command);
    expect(node?.position).toEqual({ x: 99, y: 7 });
    expect(node?.selected).toBe(true);
    expect(view.store.getState().elements.get(command)?.position).toEqual({ x: 0, y: 0 });
  });

  it('paints frames below notes whatever their z-order', () => {
    const { doc } = boardWithTwoNotes();
    createElement(doc, { kind: 'boundedContext', text: 'Payments', position: { x: -50, y: -50 } }, origin);
    const view = createBoardView(doc);
    expect(view.store.getState().nodes[0]?.type).toBe('frame');
  });

  it('brings a large move of existing notes in over a few frames, and new notes at once', async () => {
    vi.useFakeTimers();
    try {
      const doc = new Y.Doc();
      const notes = Array.from({ length: SLICE_SIZE * 2 + 1 }, (_, i) =>
        createElement(doc, { kind: 'domainEvent', text: `Event ${i}`, position: { x: i, y: 0 } }, origin),
      );
      const view = createBoardView(doc);
      const y = () => view.store.getState().nodes.map((node) => node.position.y);
      updateElements(
        doc,
        notes.map((id) => ({ id, patch: { position: { x: 0, y: 500 } } })),
        origin,
      );
      const added = createElements(doc, [{ kind: 'policy', text: 'New', position: { x: 0, y: 0 } }], origin);
      expect(view.store.getState().elements.has(added[0]!)).toBe(true);
      expect(y().filter((value) => value === 500)).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(16);
      expect(y().filter((value) => value === 500)).toHaveLength(SLICE_SIZE);
      const applied = view.applied();
      await vi.advanceTimersByTimeAsync(100);
      await applied;
      expect(y().filter((value) => value === 500)).toHaveLength(notes.length);
      expect(view.store.getState().elements.get(notes.at(-1)!)?.position).toEqual({ x: 0, y: 500 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops following the document once destroyed', () => {
    const { doc, command } = boardWithTwoNotes();
    const view = createBoardView(doc);
    view.destroy();
    const nodes = view.store.getState().nodes;
    updateElement(doc, command, { text: 'Changed' }, origin);
    expect(view.store.getState().nodes).toBe(nodes);
  });
});

describe('createBoardView with undo', () => {
  it('draws a connection again when undo restores it with its element', () => {
    const { doc, command, aggregate } = boardWithTwoNotes();
    const maps = { elements: doc.getMap('elements'), connections: doc.getMap('connections') };
    const undo = new Y.UndoManager([maps.elements, maps.connections], { trackedOrigins: new Set([origin]) });
    const view = createBoardView(doc);
    connectElements(doc, { source: command, target: aggregate }, origin);
    undo.stopCapturing();
    deleteElements(doc, [aggregate], origin);
    expect(view.store.getState().edges).toHaveLength(0);
    undo.undo();
    expect(view.store.getState().nodes).toHaveLength(2);
    expect(view.store.getState().edges).toHaveLength(1);
  });
});

describe('adoptPicture', () => {
  it('keeps the first picture’s objects for unchanged elements and edges, and only those', () => {
    const source = new Y.Doc();
    const pay = createElement(source, { kind: 'command', text: 'Pay', position: { x: 0, y: 0 } }, {});
    const payment = createElement(
      source,
      { kind: 'aggregate', text: 'Payment', position: { x: 300, y: 0 } },
      {},
    );
    const paid = createElement(source, { kind: 'domainEvent', text: 'Paid', position: { x: 600, y: 0 } }, {});
    const gone = createElement(source, { kind: 'hotspot', text: 'Gone', position: { x: 0, y: 300 } }, {});
    connectElements(source, { source: pay, target: payment }, {});
    const notify = createElement(source, { kind: 'policy', text: 'Notify', position: { x: 900, y: 0 } }, {});
    const kept = connectElements(source, { source: paid, target: notify }, {});
    expect(kept.ok).toBe(true);
    const picture = boardPreview(boardFileFromDoc(source, 'Board'));
    // The live board differs from the picture: one element renamed, one deleted.
    updateElements(source, [{ id: payment, patch: { text: 'Payment (renamed)' } }], {});
    deleteElements(source, [gone], {});

    const doc = new Y.Doc();
    const view = createBoardView(doc);
    view.adoptPicture(picture.nodes, picture.edges);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    const { nodes, edges } = view.store.getState();
    const byId = (id: string) => nodes.find((node) => node.id === id);
    expect(byId(pay)).toBe(picture.nodes.find((node) => node.id === pay));
    expect(byId(payment)).not.toBe(picture.nodes.find((node) => node.id === payment));
    expect(byId(payment)?.data.element.text).toBe('Payment (renamed)');
    expect(byId(gone)).toBeUndefined();
    expect(nodes).toHaveLength(4);
    expect(edges).toHaveLength(2);
    const keptId = kept.ok ? kept.id : '';
    expect(edges.find((edge) => edge.id === keptId)).toBe(picture.edges.find((edge) => edge.id === keptId));
    expect(edges.find((edge) => edge.id !== keptId)?.ariaLabel).toContain('Payment (renamed)');
  });
});
