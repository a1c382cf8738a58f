import { readFileSync } from 'node:fs';
import {
  addPayloadField,
  type BoardDiff,
  parseBoardFile,
  removePayloadField,
  snapshotFromBoardFile,
} from '@squall/model';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { type PostgresServer, startPostgres } from '../../test/helpers/services.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { connectClient } from '../../test/helpers/y-client.ts';
import type { CreatedBoard } from '../board-service.ts';
import type { RevisionSummary } from '../revisions/board-revisions.ts';

const exampleText = readFileSync(
  new URL('../../../../packages/model/examples/banking-payments.squall.json', import.meta.url),
  'utf8',
);
const EVENT = 'evt-payment-requested';
const AMOUNT = 'evt-payment-requested-f3';

let server: TestServer;
let board: CreatedBoard;

async function importBoard(target: TestServer): Promise<CreatedBoard> {
  const response = await fetch(`${target.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exampleText,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedBoard;
}

function api(path: string, token: string = board.editToken, init: RequestInit = {}): Promise<Response> {
  const separator = path.includes('?') ? '&' : '?';
  return fetch(`${server.url}/api/boards/${board.id}${path}${separator}token=${token}`, init);
}

function saveRevision(name?: string, token?: string): Promise<Response> {
  return api('/revisions', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(name === undefined ? {} : { name }),
  });
}

/** Edits the live board the way the app does: through a real y-websocket client. */
async function edit(change: (doc: import('yjs').Doc) => void): Promise<void> {
  const client = connectClient(server.wsUrl, board.id, board.editToken);
  try {
    await client.synced;
    const before = server.rooms.get(board.id)!.doc;
    const seen = new Promise<void>((resolve) => before.once('update', () => resolve()));
    change(client.doc);
    await seen;
  } finally {
    client.destroy();
  }
}

/** The version the exported TypeScript package and AsyncAPI documents carry, from an export zip. */
async function exportedVersions(
  response: Response,
): Promise<{ package: string; asyncapi: string | undefined }> {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const text = (suffix: string) => {
    const entry = Object.entries(files).find(([path]) => path.endsWith(suffix));
    return entry ? new TextDecoder().decode(entry[1]) : '';
  };
  return {
    package: (JSON.parse(text('/typescript/package.json')) as { version: string }).version,
    asyncapi: /^ {2}version: "([0-9.]+)"$/m.exec(text('/asyncapi/payments.asyncapi.yaml'))?.[1],
  };
}

// The same behaviour on both stores: SQLite (one process) and PostgreSQL (shared by instances).
describe.each(['sqlite', 'postgres'] as const)('revisions on %s', { timeout: 60_000 }, (backend) => {
  let postgres: PostgresServer | undefined;
  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  const backendEnv = (): Record<string, string> => (postgres ? { DATABASE_URL: postgres.url } : {});

  beforeEach(async () => {
    server = await startTestServer({ ...backendEnv(), MAX_REVISIONS_PER_BOARD: '4' });
    board = await importBoard(server);
  });
  afterEach(async () => {
    await server.dispose();
  });

  describe('revisions: save, list, fetch', () => {
    it('saves a named revision, lists it and serves it as a board file equal to the board then', async () => {
      const saved = await saveRevision('after workshop 2');
      expect(saved.status).toBe(201);
      const revision = (await saved.json()) as RevisionSummary;
      expect(revision).toMatchObject({ rev: 1, name: 'after workshop 2', trigger: 'manual' });
      expect(revision.storedBytes).toBeGreaterThan(100);

      const list = (await (await api('/revisions', board.viewToken)).json()) as {
        limit: number;
        revisions: RevisionSummary[];
      };
      expect(list.limit).toBe(4);
      expect(list.revisions).toEqual([revision]);

      const file = await api('/revisions/1', board.viewToken);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.squall\.json"/);
      const parsed = parseBoardFile(await file.text());
      if (!parsed.ok) throw new Error('revision is not a valid board file');
      expect(parsed.file.name).toBe('Banking payments @1 (after workshop 2)');
      const original = parseBoardFile(exampleText);
      if (!original.ok) throw new Error('example');
      expect(snapshotFromBoardFile(parsed.file)).toEqual(snapshotFromBoardFile(original.file));
      // Compact: the deflated Yjs state is far smaller than the board file.
      expect(revision.storedBytes).toBeLessThan(exampleText.length / 3);
    });

    it('keeps the revision as it was while the board changes', async () => {
      await saveRevision('before');
      await edit((doc) => removePayloadField(doc, EVENT, AMOUNT, 'test'));
      const parsed = parseBoardFile(await (await api('/revisions/1')).text());
      if (!parsed.ok) throw new Error('invalid');
      const event = parsed.file.elements.find((element) => element.id === EVENT);
      expect(event && 'fields' in event && event.fields.map((field) => field.id)).toContain(AMOUNT);
    });

    it('refuses a view link, bad names, bad numbers and unknown revisions, with the reason', async () => {
      expect((await saveRevision('x', board.viewToken)).status).toBe(403);
      expect((await saveRevision('   ')).status).toBe(400);
      expect((await saveRevision('x'.repeat(201))).status).toBe(400);
      const junk = await api('/revisions/abc');
      expect([junk.status, ((await junk.json()) as { error: { code: string } }).error.code]).toEqual([
        400,
        'invalid_revision',
      ]);
      const missing = await api('/revisions/7');
      expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'revision_not_found',
      ]);
      expect((await api('/revisions', 'not-a-token')).status).toBe(403);
      expect((await saveRevision()).status).toBe(201);
    });

    it('lets only the owner delete a revision; numbers are never reused', async () => {
      await saveRevision('one');
      expect((await api('/revisions/1', board.editToken, { method: 'DELETE' })).status).toBe(403);
      expect((await api('/revisions/1', board.ownerKey, { method: 'DELETE' })).status).toBe(204);
      expect((await api('/revisions/1')).status).toBe(404);
      const next = (await (await saveRevision('two')).json()) as RevisionSummary;
      expect(next.rev).toBe(2);
    });
  });

  describe('revisions: the limit', () => {
    it('counts every revision; export revisions make room first, manual ones are never dropped', async () => {
      for (const format of ['zip', 'topics']) {
        expect((await api(`/export?format=${format}`)).status).toBe(200);
        // A change between exports, or the second export would reuse the first revision.
        await edit((doc) =>
          addPayloadField(
            doc,
            EVENT,
            { name: `note${format}`, type: { kind: 'string' }, required: false },
            'test',
          ),
        );
      }
      await saveRevision('m1');
      await saveRevision('m2');
      const pruning = (await (await saveRevision('m3')).json()) as RevisionSummary & { pruned?: number };
      expect(pruning.pruned).toBe(1);
      const list = (await (await api('/revisions')).json()) as { revisions: RevisionSummary[] };
      expect(list.revisions.map((r) => [r.rev, r.trigger])).toEqual([
        [5, 'manual'],
        [4, 'manual'],
        [3, 'manual'],
        [2, 'export'],
      ]);
      await saveRevision('m4');
      const full = await saveRevision('m5');
      expect(full.status).toBe(409);
      expect(((await full.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'revision_limit',
        message: expect.stringContaining('4 revisions'),
      });
      // An export at the limit still succeeds, with its version, just without a revision.
      const exported = await api('/export?format=asyncapi');
      expect(exported.status).toBe(200);
      expect(exported.headers.get('x-squall-revision')).toBeNull();
      expect(exported.headers.get('x-squall-contract-version')).toMatch(/^\d+\.\d+\.\d+$/);
    });
  });

  describe('revisions: exports and versions', () => {
    it('records each export as a revision and versions the contracts: major on breaking, minor on compatible', async () => {
      const first = await api('/export?format=zip');
      expect(first.headers.get('x-squall-revision')).toBe('1');
      expect(first.headers.get('x-squall-contract-version')).toBe('1.0.0');
      expect(await exportedVersions(first)).toEqual({ package: '1.0.0', asyncapi: '1.0.0' });

      // Unchanged board: the same revision and version.
      const again = await api('/export?format=zip');
      expect(again.headers.get('x-squall-revision')).toBe('1');
      expect(again.headers.get('x-squall-contract-version')).toBe('1.0.0');

      // An optional field is compatible in backward mode: minor.
      await edit((doc) =>
        addPayloadField(doc, EVENT, { name: 'channel', type: { kind: 'string' }, required: false }, 'test'),
      );
      const minor = await api('/export?format=zip');
      expect(minor.headers.get('x-squall-revision')).toBe('2');
      expect(minor.headers.get('x-squall-contract-version')).toBe('1.1.0');
      expect(await exportedVersions(minor)).toEqual({ package: '1.1.0', asyncapi: '1.1.0' });

      // Removing a required field breaks backward: major.
      await edit((doc) => removePayloadField(doc, EVENT, AMOUNT, 'test'));
      const major = await api('/export?format=typescript');
      expect(major.headers.get('x-squall-contract-version')).toBe('2.0.0');
      expect((await exportedVersions(major)).package).toBe('2.0.0');
      const list = (await (await api('/revisions')).json()) as { revisions: RevisionSummary[] };
      expect(list.revisions.map((r) => [r.rev, r.trigger, r.version, r.name])).toEqual([
        [3, 'export', '2.0.0', 'Export (typescript)'],
        [2, 'export', '1.1.0', 'Export (zip)'],
        [1, 'export', '1.0.0', 'Export (zip)'],
      ]);
      // A manual revision between exports does not move the version base.
      await saveRevision('manual');
      expect((await api('/export?format=zip')).headers.get('x-squall-contract-version')).toBe('2.0.0');
    });

    it('records nothing for a refused export request', async () => {
      expect((await api('/export?format=pdf')).status).toBe(400);
      expect((await api('/export?profile=staging')).status).toBe(400);
      const list = (await (await api('/revisions')).json()) as { revisions: RevisionSummary[] };
      expect(list.revisions).toEqual([]);
    });
  });

  describe('GET /api/boards/:id/diff', () => {
    it('compares a revision with the live board under the mode', async () => {
      await saveRevision('before');
      await edit((doc) => removePayloadField(doc, EVENT, AMOUNT, 'test'));
      const response = await api('/diff?from=1&mode=backward', board.viewToken);
      expect(response.status).toBe(200);
      const diff = (await response.json()) as BoardDiff & { from: RevisionSummary; to: unknown };
      expect(diff).toMatchObject({ mode: 'backward', compatible: false, breakingCount: 1, to: 'live' });
      expect(diff.from.rev).toBe(1);
      expect(diff.changes).toEqual([
        expect.objectContaining({
          kind: 'field-removed',
          field: 'amount',
          elementId: EVENT,
          breaking: true,
          reason: expect.stringContaining(
            'Removing the required field amount breaks consumers reading with the new schema',
          ),
        }),
      ]);
    });

    it('compares two revisions, and judges by mode', async () => {
      await saveRevision('one');
      await edit((doc) =>
        addPayloadField(doc, EVENT, { name: 'channel', type: { kind: 'string' }, required: false }, 'test'),
      );
      await saveRevision('two');
      const backward = (await (await api('/diff?from=1&to=2')).json()) as BoardDiff;
      expect([backward.mode, backward.compatible]).toEqual(['backward', true]);
      const forward = (await (await api('/diff?from=1&to=2&mode=forward')).json()) as BoardDiff;
      expect([forward.compatible, forward.changes.map((c) => c.kind)]).toEqual([false, ['field-added']]);
    });

    it('answers 400 for a bad mode or revision and 404 for an unknown one', async () => {
      await saveRevision('one');
      expect((await api('/diff?from=1&mode=sideways')).status).toBe(400);
      expect((await api('/diff')).status).toBe(400);
      expect((await api('/diff?from=0')).status).toBe(400);
      expect((await api('/diff?from=9')).status).toBe(404);
      expect((await api('/diff?from=1&to=9')).status).toBe(404);
    });
  });

  describe('revisions survive a restart', () => {
    it('lists and serves revisions saved before the server stopped', async () => {
      const dir = tempDir();
      try {
        const first = await startTestServer(backendEnv(), dir.path);
        const created = await importBoard(first);
        const url = (path: string) =>
          `${first.url}/api/boards/${created.id}${path}?token=${created.editToken}`;
        const saved = await fetch(url('/revisions'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'before restart' }),
        });
        expect(saved.status).toBe(201);
        const fileBefore = await (await fetch(url('/revisions/1'))).text();
        await first.close();

        const second = await startTestServer(backendEnv(), dir.path);
        try {
          const again = (path: string) =>
            `${second.url}/api/boards/${created.id}${path}?token=${created.editToken}`;
          const list = (await (await fetch(again('/revisions'))).json()) as { revisions: RevisionSummary[] };
          expect(list.revisions.map((r) => [r.rev, r.name])).toEqual([[1, 'before restart']]);
          expect(await (await fetch(again('/revisions/1'))).text()).toBe(fileBefore);
          const next = (await (
            await fetch(again('/revisions'), { method: 'POST', body: '{}' })
          ).json()) as RevisionSummary;
          expect(next.rev).toBe(2);
        } finally {
          await second.close();
        }
      } finally {
        dir.remove();
      }
    });

    it('deleting a board deletes its revisions', async () => {
      await saveRevision('one');
      expect(await server.store.revisions.list(board.id)).toHaveLength(1);
      expect((await api('', board.ownerKey, { method: 'DELETE' })).status).toBe(204);
      expect(await server.store.revisions.list(board.id)).toEqual([]);
    });
  });
});
