import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeElements } from './merge.ts';
import { readBoard } from './read.ts';
import { connectElements, createElement } from './write.ts';

function board() {
  const doc = new Y.Doc();
  const o = 'me';
  const command = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 0, y: 0 } }, o);
  const aggregate = createElement(doc, { kind: 'aggregate', text: 'Payment', position: { x: 200, y: 0 } }, o);
  const keep = createElement(
    doc,
    {
      kind: 'domainEvent',
      text: 'Payment Requested',
      position: { x: 400, y: 0 },
      fields: [
        { name: 'amount', type: { kind: 'number' }, required: true },
        { name: 'currency', type: { kind: 'string' }, required: true },
      ],
    },
    o,
  );
  const other = createElement(
    doc,
    {
      kind: 'domainEvent',
      text: 'payment-requested',
      position: { x: 900, y: 0 },
      pivotal: true,
      codeName: 'PaymentRequested',
      fields: [
        { name: 'amount', type: { kind: 'number' }, required: true },
        { name: 'Currency', type: { kind: 'enum', values: ['EUR'] }, required: true },
        { name: 'requestedAt', type: { kind: 'date-time' }, required: false },
      ],
    },
    o,
  );
  const policy = createElement(doc, { kind: 'policy', text: 'Check fraud', position: { x: 1100, y: 0 } }, o);
  const readModel = createElement(
    doc,
    { kind: 'readModel', text: 'Status', position: { x: 1100, y: 300 } },
    o,
  );
  connectElements(doc, { source: aggregate, target: keep }, o);
  connectElements(doc, { source: aggregate, target: other, label: 'dup' }, o);
  const toPolicy = connectElements(doc, { source: other, target: policy, label: 'activates' }, o);
  connectElements(doc, { source: other, target: readModel }, o);
  return { doc, command, aggregate, keep, other, policy, readModel, toPolicy };
}

describe('mergeElements', () => {
  it('moves connections and fields onto the kept note, lists conflicts, removes the other', () => {
    const { doc, aggregate, keep, other, policy, readModel, toPolicy } = board();
    const plan = mergeElements(doc, keep, [other], 'me')!;
    const after = readBoard(doc);
    expect(after.elements.find((element) => element.id === other)).toBeUndefined();
    const pairs = after.connections.map((c) => [c.source, c.target, c.label]);
    expect(pairs).toHaveLength(3);
    expect(pairs).toContainEqual([aggregate, keep, undefined]);
    expect(pairs).toContainEqual([keep, policy, 'activates']);
    expect(pairs).toContainEqual([keep, readModel, undefined]);
    // The moved connection keeps its id.
    expect(after.connections.some((c) => toPolicy.ok && c.id === toPolicy.id)).toBe(true);
    const kept = after.elements.find((element) => element.id === keep);
    if (kept?.kind !== 'domainEvent') throw new Error('kept event missing');
    expect(kept.fields.map((field) => field.name)).toEqual(['amount', 'currency', 'Currency', 'requestedAt']);
    expect(kept.pivotal).toBe(true);
    expect(kept.codeName).toBe('PaymentRequested');
    expect(kept.text).toBe('Payment Requested');
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        name: 'Currency',
        fromId: other,
        kept: expect.objectContaining({ name: 'currency' }),
      }),
    ]);
  });

  it('is one undo step for the person who merged, and leaves a colleague’s later edit alone', () => {
    const { doc, keep, other } = board();
    const before = readBoard(doc);
    const me = { user: 'me' };
    const undo = new Y.UndoManager([doc.getMap('elements'), doc.getMap('connections')], {
      trackedOrigins: new Set([me]),
      captureTimeout: 0,
    });
    mergeElements(doc, keep, [other], me);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readBoard(doc)).toEqual(before);
  });

  it('refuses notes of different kinds, unknown ids and notes without a payload', () => {
    const { doc, keep, policy, command, aggregate } = board();
    expect(mergeElements(doc, keep, [policy], 'me')).toBeUndefined();
    expect(mergeElements(doc, keep, [command], 'me')).toBeUndefined();
    expect(mergeElements(doc, keep, ['ghost'], 'me')).toBeUndefined();
    expect(mergeElements(doc, aggregate, [aggregate], 'me')).toBeUndefined();
    expect(readBoard(doc).elements).toHaveLength(6);
  });
});
