import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './read.ts';
import { boardMaps } from './schema.ts';
import {
  addPayloadField,
  connectElements,
  createElement,
  createElements,
  deleteElements,
  elementText,
  movePayloadField,
  removePayloadField,
  reorderElements,
  updateElement,
  updatePayloadField,
} from './write.ts';

const origin = { user: 'test' };

function board() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

describe('element writers', () => {
  it('create an element in one transaction carrying the caller origin', () => {
    const { doc, updates } = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const id = createElement(
      doc,
      { kind: 'domainEvent', text: 'Payment Requested', position: { x: 10, y: 20 } },
      origin,
    );
    expect(updates).toHaveLength(1);
    expect(origins).toEqual([origin]);
    const [event] = readBoard(doc).elements;
    expect(event).toMatchObject({
      id,
      kind: 'domainEvent',
      text: 'Payment Requested',
      position: { x: 10, y: 20 },
      size: { width: 140, height: 140 },
      codeName: '',
      fields: [],
    });
  });

  it('stores note text as Y.Text and edits it minimally', () => {
    const { doc } = board();
    const id = createElement(
      doc,
      { kind: 'command', text: 'Request Payment', position: { x: 0, y: 0 } },
      origin,
    );
    const text = elementText(doc, id)!;
    expect(text).toBeInstanceOf(Y.Text);
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    updateElement(doc, id, { text: 'Request Refund Payment' }, origin);
    expect(deltas).toEqual([[{ retain: 8 }, { insert: 'Refund ' }]]);
    expect(readBoard(doc).elements[0]!.text).toBe('Request Refund Payment');
  });

  it('puts new elements above existing ones', () => {
    const { doc } = board();
    const [a, b] = createElements(
      doc,
      [
        { kind: 'actor', position: { x: 0, y: 0 } },
        { kind: 'actor', position: { x: 0, y: 0 } },
      ],
      origin,
    );
    const c = createElement(doc, { kind: 'actor', position: { x: 0, y: 0 } }, origin);
    expect(readBoard(doc).elements.map((e) => e.id)).toEqual([a, b, c]);
    reorderElements(doc, [c!], 'back', origin);
    reorderElements(doc, [a!], 'front', origin);
    expect(readBoard(doc).elements.map((e) => e.id)).toEqual([c, b, a]);
  });

  it('deletes elements together with their connections, in one update', () => {
    const { doc, updates } = board();
    const actor = createElement(doc, { kind: 'actor', text: 'Customer', position: { x: 0, y: 0 } }, origin);
    const command = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 200, y: 0 } }, origin);
    const model = createElement(
      doc,
      { kind: 'readModel', text: 'Balance', position: { x: 0, y: 200 } },
      origin,
    );
    expect(connectElements(doc, { source: actor, target: command }, origin).ok).toBe(true);
    expect(connectElements(doc, { source: actor, target: model }, origin).ok).toBe(true);
    const before = updates.length;
    deleteElements(doc, [actor], origin);
    expect(updates.length).toBe(before + 1);
    const snapshot = readBoard(doc);
    expect(snapshot.elements.map((e) => e.id).sort()).toEqual([command, model].sort());
    expect(snapshot.connections).toEqual([]);
    expect(boardMaps(doc).connections.size).toBe(0);
  });

  it('changes kind while keeping text, position and payload', () => {
    const { doc } = board();
    const id = createElement(
      doc,
      {
        kind: 'command',
        text: 'Place Order',
        position: { x: 5, y: 5 },
        fields: [{ name: 'orderId', type: { kind: 'uuid' }, required: true }],
      },
      origin,
    );
    updateElement(doc, id, { kind: 'domainEvent', text: 'Order Placed' }, origin);
    const element = readBoard(doc).elements[0]!;
    expect(element.kind).toBe('domainEvent');
    expect(element.kind === 'domainEvent' && element.fields.map((f) => f.name)).toEqual(['orderId']);
    updateElement(doc, id, { kind: 'aggregate' }, origin);
    expect(readBoard(doc).elements[0]).toMatchObject({ kind: 'aggregate', keyField: '', topic: {} });
  });

  it('reports an update of a missing element instead of creating it', () => {
    const { doc } = board();
    expect(updateElement(doc, 'nope', { text: 'x' }, origin)).toBe(false);
    expect(readBoard(doc).elements).toEqual([]);
  });
});

describe('connectElements', () => {
  it('refuses illegal arrows with the reason and writes nothing', () => {
    const { doc, updates } = board();
    const event = createElement(doc, { kind: 'domainEvent', text: 'Paid', position: { x: 0, y: 0 } }, origin);
    const command = createElement(doc, { kind: 'command', text: 'Ship', position: { x: 0, y: 0 } }, origin);
    const before = updates.length;
    const result = connectElements(doc, { source: event, target: command }, origin);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('policy') });
    expect(updates.length).toBe(before);
  });

  it('refuses self-loops, duplicates and missing ends', () => {
    const { doc } = board();
    const policy = createElement(doc, { kind: 'policy', position: { x: 0, y: 0 } }, origin);
    const command = createElement(doc, { kind: 'command', position: { x: 0, y: 0 } }, origin);
    expect(connectElements(doc, { source: policy, target: policy }, origin).ok).toBe(false);
    expect(connectElements(doc, { source: policy, target: command }, origin).ok).toBe(true);
    expect(connectElements(doc, { source: policy, target: command }, origin)).toEqual({
      ok: false,
      reason: 'These two are already connected.',
    });
    expect(connectElements(doc, { source: policy, target: 'gone' }, origin).ok).toBe(false);
  });
});

describe('payload fields', () => {
  it('adds, edits, reorders and removes fields', () => {
    const { doc } = board();
    const id = createElement(
      doc,
      { kind: 'domainEvent', text: 'Order Placed', position: { x: 0, y: 0 } },
      origin,
    );
    const orderId = addPayloadField(
      doc,
      id,
      { name: 'orderId', type: { kind: 'uuid' }, required: true },
      origin,
    )!;
    const total = addPayloadField(doc, id, { name: 'total', type: { kind: 'number' } }, origin)!;
    const lines = addPayloadField(
      doc,
      id,
      {
        name: 'lines',
        type: {
          kind: 'array',
          items: { kind: 'object', fields: [{ name: 'sku', type: { kind: 'string' }, required: true }] },
        },
        required: true,
      },
      origin,
      1,
    )!;
    const names = () => {
      const element = readBoard(doc).elements[0]!;
      return element.kind === 'domainEvent' ? element.fields.map((f) => f.name) : [];
    };
    expect(names()).toEqual(['orderId', 'lines', 'total']);
    movePayloadField(doc, id, orderId, 2, origin);
    expect(names()).toEqual(['lines', 'total', 'orderId']);
    updatePayloadField(
      doc,
      id,
      total,
      { name: 'amount', description: 'Gross, in cents', required: true },
      origin,
    );
    removePayloadField(doc, id, lines, origin);
    const element = readBoard(doc).elements[0]!;
    expect(element.kind === 'domainEvent' && element.fields).toEqual([
      { id: total, name: 'amount', type: { kind: 'number' }, required: true, description: 'Gross, in cents' },
      { id: orderId, name: 'orderId', type: { kind: 'uuid' }, required: true },
    ]);
  });

  it('does not add fields to kinds without a payload', () => {
    const { doc } = board();
    const id = createElement(doc, { kind: 'actor', position: { x: 0, y: 0 } }, origin);
    expect(addPayloadField(doc, id, { name: 'x', type: { kind: 'string' } }, origin)).toBeUndefined();
  });
});
