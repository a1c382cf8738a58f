import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type PostgresServer, startPostgres } from '../../test/helpers/services.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import type { BoardStore, StoredBoardState } from './board-store.ts';
import { PgStore } from './pg-store.ts';
import { SqliteStore } from './sqlite-store.ts';

// One contract, two implementations: what the rooms, the access checks and the HTTP API rely on.

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

const counts = { elementCount: 0, connectionCount: 0 };
let boardNumber = 0;
const newId = () => `board-${++boardNumber}`;

function docOf(state: StoredBoardState | undefined): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state!.snapshot);
  for (const update of state!.updates) Y.applyUpdate(doc, update);
  return doc;
}

function edit(doc: Y.Doc, key: string, value: number): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (bytes: Uint8Array) => {
    update = bytes;
  });
  doc.getMap('edits').set(key, value);
  return update;
}

const implementations: Array<[string, () => Promise<{ store: BoardStore; dispose: () => Promise<void> }>]> = [
  [
    'SqliteStore',
    async () => {
      const dir = tempDir();
      const store = new SqliteStore(dir.path);
      const dispose = async () => {
        store.close();
        dir.remove();
      };
      return { store, dispose };
    },
  ],
  [
    'PgStore',
    async () => {
      const store = await PgStore.open(postgres.url);
      return { store, dispose: () => store.close() };
    },
  ],
];

describe.each(implementations)('%s (BoardStore contract)', (_name, open) => {
  let store: BoardStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await open());
  });
  afterEach(async () => {
    await dispose();
  });

  it('creates, renames and deletes a board with its capabilities and preview', async () => {
    const id = newId();
    const access = { editHash: `e-${id}`, viewHash: `v-${id}`, ownerHash: `o-${id}` };
    await store.createBoard({
      id,
      name: 'First',
      snapshot: new Uint8Array([0, 0]),
      access,
      preview: '{}',
      ...counts,
    });
    expect(await store.getBoard(id)).toMatchObject({ id, name: 'First', elementCount: 0 });
    expect(await store.getAccess(id)).toEqual({ boardId: id, ...access, locked: false });
    expect(await store.findAccessByHash(`v-${id}`)).toMatchObject({ boardId: id });
    expect(await store.currentPreview(id)).toBe('{}');
    expect(await store.renameBoard(id, 'Renamed')).toBe(true);
    expect((await store.getBoard(id))?.name).toBe('Renamed');
    await store.setLocked(id, true);
    expect((await store.getAccess(id))?.locked).toBe(true);
    await store.rotateLink(id, 'edit', `e-${id}`, `e2-${id}`);
    expect((await store.getAccess(id))?.editHash).toBe(`e2-${id}`);
    expect(await store.isRetiredHash(id, `e-${id}`)).toBe(true);
    expect(await store.isRetiredHash(id, `v-${id}`)).toBe(false);
    expect(await store.deleteBoard(id)).toBe(true);
    expect(await store.getBoard(id)).toBeUndefined();
    expect(await store.getAccess(id)).toBeUndefined();
    expect(await store.loadBoardState(id)).toBeUndefined();
    expect(await store.deleteBoard(id)).toBe(false);
  });

  it('appends updates in order, folds them into the snapshot, and keeps the preview current only while nothing follows it', async () => {
    const id = newId();
    const doc = new Y.Doc();
    await store.createBoard({
      id,
      name: 'B',
      snapshot: Y.encodeStateAsUpdate(doc),
      preview: 'p0',
      ...counts,
    });
    const first = await store.appendUpdates(id, [edit(doc, 'a', 1)]);
    const last = await store.appendUpdates(id, [edit(doc, 'b', 2), edit(doc, 'c', 3)]);
    expect(last).toBeGreaterThan(first);
    expect(await store.currentPreview(id)).toBeUndefined();
    expect(await store.hasCurrentPreview(id)).toBe(false);
    expect(await store.boardsWithPendingUpdates()).toContain(id);
    const state = await store.loadBoardState(id);
    expect(state?.updates).toHaveLength(3);
    expect(state?.lastSeq).toBe(last);
    expect(docOf(state).getMap('edits').toJSON()).toEqual({ a: 1, b: 2, c: 3 });

    const folded = await store.foldUpdates(id, last, (stored) => {
      if (stored) for (const update of stored.updates) Y.applyUpdate(doc, update);
      return { snapshot: Y.encodeStateAsUpdate(doc), preview: 'p1', elementCount: 3, connectionCount: 0 };
    });
    expect(folded).toBe(true);
    const after = await store.loadBoardState(id);
    expect(after?.updates).toHaveLength(0);
    expect(docOf(after).getMap('edits').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
    expect(await store.currentPreview(id)).toBe('p1');
    expect((await store.getBoard(id))?.elementCount).toBe(3);
    expect(await store.boardsWithPendingUpdates()).not.toContain(id);
    expect(
      await store.foldUpdates('no-such-board', 0, () => ({ snapshot: new Uint8Array([0, 0]), ...counts })),
    ).toBe(false);
  });

  it('saves, lists, reads and deletes revisions, pruning the oldest export at the limit, and drops them with the board', async () => {
    const id = newId();
    await store.createBoard({ id, name: 'R', snapshot: new Uint8Array([0, 0]), ...counts });
    const revision = (name: string, trigger: 'manual' | 'export') => ({
      name,
      trigger,
      state: Uint8Array.of(1, 2, 3, name.length),
      contentHash: `hash-${name}`,
      ...(trigger === 'export' && { version: '1.0.0' }),
      ...counts,
    });
    const first = await store.revisions.save(id, revision('first export', 'export'), 3);
    expect(first).toMatchObject({ ok: true, revision: { rev: 1, trigger: 'export', version: '1.0.0' } });
    await store.revisions.save(id, revision('manual', 'manual'), 3);
    await store.revisions.save(id, revision('second export', 'export'), 3);
    const pruning = await store.revisions.save(id, revision('third', 'manual'), 3);
    expect(pruning).toMatchObject({ ok: true, pruned: 1, revision: { rev: 4 } });
    expect((await store.revisions.list(id)).map((r) => r.rev)).toEqual([4, 3, 2]);
    expect((await store.revisions.latestExport(id))?.name).toBe('second export');
    expect(await store.revisions.state(id, 3)).toEqual(Uint8Array.of(1, 2, 3, 13));
    expect(await store.revisions.get(id, 1)).toBeUndefined();
    expect(await store.revisions.delete(id, 3)).toBe(true);
    expect(await store.revisions.delete(id, 3)).toBe(false);
    expect(await store.deleteBoard(id)).toBe(true);
    expect(await store.revisions.list(id)).toEqual([]);
  });
});

describe('PgStore with several writers', () => {
  it('two instances compacting one board at once, each knowing only its own edits, lose nothing', async () => {
    const [one, two] = await Promise.all([PgStore.open(postgres.url), PgStore.open(postgres.url)]);
    try {
      const id = newId();
      await one.createBoard({ id, name: 'Shared', snapshot: Y.encodeStateAsUpdate(new Y.Doc()), ...counts });
      const docs = [new Y.Doc(), new Y.Doc()];
      const stores = [one, two];
      for (let round = 0; round < 5; round++) {
        // Each writer appends its own edits, then both compact at the same time from their own documents.
        await Promise.all(
          stores.map((store, w) =>
            store.appendUpdates(
              id,
              [0, 1, 2].map((n) => edit(docs[w]!, `w${w}-${round}-${n}`, n)),
            ),
          ),
        );
        const results = await Promise.all(
          stores.map((store, w) =>
            store.foldUpdates(id, Number.MAX_SAFE_INTEGER, (stored) => {
              if (stored) {
                Y.applyUpdate(docs[w]!, stored.snapshot);
                for (const update of stored.updates) Y.applyUpdate(docs[w]!, update);
              }
              return { snapshot: Y.encodeStateAsUpdate(docs[w]!), ...counts };
            }),
          ),
        );
        expect(results).toEqual([true, true]);
      }
      const stored = docOf(await one.loadBoardState(id)).getMap('edits');
      for (let round = 0; round < 5; round++)
        for (const w of [0, 1]) for (const n of [0, 1, 2]) expect(stored.get(`w${w}-${round}-${n}`)).toBe(n);
      expect(stored.size).toBe(30);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
