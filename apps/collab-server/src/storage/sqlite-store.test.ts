import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { SqliteStore } from './sqlite-store.ts';

let dir: ReturnType<typeof tempDir>;
let store: SqliteStore;
const counts = { elementCount: 0, connectionCount: 0 };

beforeEach(() => {
  dir = tempDir();
  store = new SqliteStore(dir.path);
});
afterEach(() => {
  store.close();
  dir.remove();
});

function docOf(state: ReturnType<SqliteStore['loadBoardState']>): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state!.snapshot);
  for (const update of state!.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Records every update a document emits while `edit` runs. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  edit();
  doc.off('update', record);
  return updates;
}

describe('SqliteStore', () => {
  it('creates, lists, renames and deletes boards', () => {
    store.createBoard({ id: 'a', name: 'First', snapshot: new Uint8Array([0, 0]), ...counts }, 1000);
    store.createBoard({ id: 'b', name: 'Second', snapshot: new Uint8Array([0, 0]), ...counts }, 2000);
    expect(store.listBoards().map((board) => board.id)).toEqual(['b', 'a']);
    expect(store.renameBoard('a', 'Renamed', 3000)).toBe(true);
    expect(store.getBoard('a')).toMatchObject({ name: 'Renamed', createdAt: 1000, updatedAt: 3000 });
    expect(store.renameBoard('missing', 'x')).toBe(false);
    expect(store.deleteBoard('a')).toBe(true);
    expect(store.deleteBoard('a')).toBe(false);
    expect(store.getBoard('a')).toBeUndefined();
    expect(store.loadBoardState('a')).toBeUndefined();
  });

  it('keeps appended updates across reopening the database file', () => {
    const doc = new Y.Doc();
    store.createBoard({ id: 'a', name: 'A', snapshot: Y.encodeStateAsUpdate(doc), ...counts }, 1000);
    const updates = updatesOf(doc, () => {
      doc.getText('t').insert(0, 'hello');
      doc.getText('t').insert(5, ' world');
    });
    for (const update of updates) store.appendUpdate('a', update, 5000);
    store.close();
    store = new SqliteStore(dir.path);
    const state = store.loadBoardState('a')!;
    expect(state.updates).toHaveLength(2);
    expect(docOf(state).getText('t').toString()).toBe('hello world');
    expect(store.getBoard('a')!.updatedAt).toBe(5000);
  });

  it('compaction folds updates into the snapshot and keeps updates appended after its cut', () => {
    const doc = new Y.Doc();
    store.createBoard({ id: 'a', name: 'A', snapshot: Y.encodeStateAsUpdate(doc), ...counts });
    for (const update of updatesOf(doc, () => doc.getText('t').insert(0, 'abc')))
      store.appendUpdate('a', update);
    const cut = store.loadBoardState('a')!.lastSeq;
    const snapshot = Y.encodeStateAsUpdate(doc);
    // An update that arrives after the snapshot was taken must survive the compaction.
    for (const update of updatesOf(doc, () => doc.getText('t').insert(3, 'def')))
      store.appendUpdate('a', update);
    store.compact('a', snapshot, cut, { elementCount: 7, connectionCount: 2 });
    const state = store.loadBoardState('a')!;
    expect(state.updates).toHaveLength(1);
    expect(docOf(state).getText('t').toString()).toBe('abcdef');
    expect(store.getBoard('a')).toMatchObject({ elementCount: 7, connectionCount: 2 });
  });
});
