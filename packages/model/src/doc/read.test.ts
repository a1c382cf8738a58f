import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedElementIds, readBoard } from './read.ts';
import { boardMaps } from './schema.ts';
import { createElement, updateElement } from './write.ts';

describe('readBoard on a hostile document', () => {
  // Any peer can write anything into a shared document: readers must neither crash nor pass garbage on.
  it('skips non-elements, coerces bad values and drops dangling connections', () => {
    const doc = new Y.Doc();
    const maps = boardMaps(doc);
    const good = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 1, y: 2 } }, 'test');
    doc.transact(() => {
      maps.elements.set('not-a-map', 'hello' as unknown as Y.Map<unknown>);
      const unknownKind = new Y.Map<unknown>();
      unknownKind.set('kind', 'dragon');
      maps.elements.set('dragon', unknownKind);
      const broken = new Y.Map<unknown>();
      broken.set('kind', 'domainEvent');
      broken.set('text', 42);
      broken.set('position', { x: 'left', y: 1e9 });
      broken.set('size', { width: -5, height: 1e12 });
      broken.set('z', '../../etc');
      broken.set('fields', 'none');
      maps.elements.set('broken', broken);
      maps.connections.set('c1', { source: good, target: 'nowhere' });
      maps.connections.set('c2', 'junk' as unknown as { source: string; target: string });
      maps.meta.set('level', 'galactic');
    }, 'attacker');
    const board = readBoard(doc);
    expect(board.level).toBe('process');
    expect(board.connections).toEqual([]);
    expect(board.elements.map((e) => e.id).sort()).toEqual(['broken', good].sort());
    expect(board.elements.find((e) => e.id === 'broken')).toEqual({
      id: 'broken',
      kind: 'domainEvent',
      text: '',
      position: { x: 0, y: 10_000_000 },
      size: { width: 10, height: 100_000 },
      z: 'V',
      codeName: '',
      fields: [],
    });
  });

  it('drops field types that nest without end', () => {
    const doc = new Y.Doc();
    const id = createElement(doc, { kind: 'domainEvent', position: { x: 0, y: 0 } }, 'test');
    let type: unknown = { kind: 'string' };
    for (let i = 0; i < 50; i++) type = { kind: 'array', items: type };
    const fields = boardMaps(doc).elements.get(id)!.get('fields') as Y.Map<unknown>;
    fields.set('deep', { name: 'deep', type, required: true, order: 'V' });
    const element = readBoard(doc).elements[0]!;
    expect(element.kind === 'domainEvent' && element.fields[0]?.type).toEqual({ kind: 'string' });
  });
});

describe('changedElementIds', () => {
  it('names exactly the elements a transaction touched', () => {
    const doc = new Y.Doc();
    const a = createElement(doc, { kind: 'actor', position: { x: 0, y: 0 } }, 'test');
    const b = createElement(doc, { kind: 'actor', position: { x: 0, y: 0 } }, 'test');
    const seen: string[][] = [];
    boardMaps(doc).elements.observeDeep((events) => seen.push([...changedElementIds(events)].sort()));
    updateElement(doc, a, { text: 'Customer' }, 'test');
    updateElement(doc, b, { position: { x: 5, y: 5 } }, 'test');
    const c = createElement(doc, { kind: 'policy', position: { x: 0, y: 0 } }, 'test');
    expect(seen).toEqual([[a], [b], [c]]);
  });
});
