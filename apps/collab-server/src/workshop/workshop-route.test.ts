import { randomBytes } from 'node:crypto';
import { createElement, participantIdOf, readWorkshop, type WorkshopState, workshopMap } from '@squall/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncUpdateMessage } from '../../test/helpers/crafted-updates.ts';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket } from '../../test/helpers/raw-socket.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import type { CreatedBoard } from '../board-service.ts';
import { CloseCode } from '../sync/close-codes.ts';
import { PARTICIPANT_HEADER } from './workshop-route.ts';

let server: TestServer;
let board: CreatedBoard;
const clients: YClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  board = await createBoard(server.url, 'Workshop');
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

const secret = () => randomBytes(16).toString('base64url');

async function act(
  token: string,
  participant: string | undefined,
  action: Record<string, unknown>,
): Promise<{
  status: number;
  body: { workshop?: WorkshopState; serverNow?: number; error?: { code: string } };
}> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/workshop`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(participant ? { [PARTICIPANT_HEADER]: participant } : {}),
    },
    body: JSON.stringify(action),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function workshopOnServer(): Promise<WorkshopState> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/workshop?token=${board.viewToken}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { workshop: WorkshopState }).workshop;
}

async function dropped(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^squall_workshop_writes_dropped_total (\d+)/m.exec(text)?.[1] ?? 0);
}

function client(token = board.editToken): YClient {
  const c = connectClient(server.wsUrl, board.id, token);
  clients.push(c);
  return c;
}

describe('workshop API', () => {
  it('lets the owner key change the phase, and every client sees it in its document', async () => {
    const watcher = client();
    await watcher.synced;
    const owner = secret();
    const reply = await act(board.ownerKey, owner, { type: 'setPhase', phase: 'chaoticExploration' });
    expect(reply.status).toBe(200);
    expect(reply.body.workshop?.phases).toEqual([
      { phase: 'chaoticExploration', startedAt: expect.any(Number) },
    ]);
    expect(Math.abs((reply.body.serverNow ?? 0) - Date.now())).toBeLessThan(5_000);
    await whenDoc(watcher.doc, (doc) => readWorkshop(doc).phases.length === 1);
    expect(readWorkshop(watcher.doc).phases[0]?.phase).toBe('chaoticExploration');
  });

  it('refuses facilitator actions from an edit link until a facilitator grants it, and after revoking', async () => {
    const bob = secret();
    const bobId = participantIdOf(bob);
    const refused = await act(board.editToken, bob, { type: 'startTimer', minutes: 5 });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('not_facilitator');
    // A participant cannot make itself a facilitator either.
    const selfGrant = await act(board.editToken, bob, { type: 'grantFacilitator', participantId: bobId });
    expect(selfGrant.status).toBe(403);

    const owner = secret();
    expect(
      (await act(board.ownerKey, owner, { type: 'grantFacilitator', participantId: bobId, name: 'Bob' }))
        .status,
    ).toBe(200);
    const started = await act(board.editToken, bob, { type: 'startTimer', minutes: 5 });
    expect(started.status).toBe(200);
    expect(started.body.workshop?.timer).toMatchObject({ status: 'running', durationMs: 300_000 });

    expect(
      (await act(board.ownerKey, owner, { type: 'revokeFacilitator', participantId: bobId })).status,
    ).toBe(200);
    expect((await act(board.editToken, bob, { type: 'stopTimer' })).status).toBe(403);
    expect((await workshopOnServer()).timer).toMatchObject({ status: 'running' });
  });

  it('stamps the timer with the server clock', async () => {
    const before = Date.now();
    const { body } = await act(board.ownerKey, secret(), { type: 'startTimer', minutes: 2 });
    const timer = body.workshop?.timer;
    expect(timer?.status).toBe('running');
    if (timer?.status !== 'running') return;
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(timer.endsAt).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it('refuses view links, locked boards, requests without a participant secret and unknown actions', async () => {
    const view = await act(board.viewToken, secret(), { type: 'setPhase', phase: 'enforceTimeline' });
    expect([view.status, view.body.error?.code]).toEqual([403, 'read_only']);
    const anonymous = await act(board.ownerKey, undefined, { type: 'setPhase', phase: 'enforceTimeline' });
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([400, 'participant_required']);
    const unknown = await act(board.ownerKey, secret(), { type: 'crownMe' });
    expect([unknown.status, unknown.body.error?.code]).toEqual([400, 'invalid_action']);
    const wrong = await act('x'.repeat(22), secret(), { type: 'setPhase', phase: 'enforceTimeline' });
    expect(wrong.status).toBe(403);

    await fetch(`${server.url}/api/boards/${board.id}/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.ownerKey}` },
    });
    const locked = await act(board.ownerKey, secret(), { type: 'setPhase', phase: 'enforceTimeline' });
    expect([locked.status, locked.body.error?.code]).toEqual([403, 'board_locked']);
    expect((await workshopOnServer()).phases).toEqual([]);
  });

  it('answers the server clock on GET /api/time', async () => {
    const response = await fetch(`${server.url}/api/time`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { now } = (await response.json()) as { now: number };
    expect(Math.abs(now - Date.now())).toBeLessThan(5_000);
  });

  it('keeps the workshop state across a server restart', async () => {
    await act(board.ownerKey, secret(), { type: 'setPhase', phase: 'peopleAndSystems' });
    await act(board.ownerKey, secret(), { type: 'startTimer', minutes: 3 });
    const before = await workshopOnServer();
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer({}, dataDir);
    expect(await workshopOnServer()).toEqual(before);
  });
});

describe('workshop state written over the sync socket', () => {
  it('drops a forged facilitator action from an edit link: nobody sees it, the server keeps its state', async () => {
    await act(board.ownerKey, secret(), { type: 'setPhase', phase: 'chaoticExploration' });
    const forger = client();
    const watcher = client();
    await Promise.all([forger.synced, watcher.synced]);
    await whenDoc(forger.doc, (doc) => readWorkshop(doc).phases.length === 1);

    // The forged client overwrites the phase, starts a timer and makes itself a facilitator.
    const mallory = participantIdOf(secret());
    forger.doc.transact(() => {
      workshopMap(forger.doc).set('phases', [{ phase: 'softwareDesign', startedAt: 1 }]);
      workshopMap(forger.doc).set('timer', { status: 'running', endsAt: 1e13, durationMs: 60_000 });
      workshopMap(forger.doc).set('facilitators', { [mallory]: { name: 'M', grantedBy: 'owner', at: 1 } });
    });
    await until(async () => (await dropped()) >= 1);

    // A later legitimate change from another client still flows, and the forged one never arrived.
    const id = createElement(watcher.doc, { kind: 'hotspot', text: 'Fine', position: { x: 0, y: 0 } }, 'w');
    await whenDoc(forger.doc, (doc) => doc.getMap('elements').has(id));
    expect(readWorkshop(watcher.doc).phases.map((p) => p.phase)).toEqual(['chaoticExploration']);
    expect(readWorkshop(watcher.doc).facilitators).toEqual({});
    const onServer = await workshopOnServer();
    expect(onServer.phases.map((p) => p.phase)).toEqual(['chaoticExploration']);
    expect(onServer.timer).toBeNull();
    expect(onServer.facilitators).toEqual({});
    // Dropped, not disconnected.
    expect(forger.provider.wsconnected).toBe(true);
  });

  it('drops raw protocol updates that write or delete workshop keys, even from the owner key', async () => {
    await act(board.ownerKey, secret(), { type: 'setPhase', phase: 'enforceTimeline' });
    const watcher = client();
    await watcher.synced;
    const known = new Y.Doc();
    Y.applyUpdate(known, Y.encodeStateAsUpdate(watcher.doc));

    const raw = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.ownerKey}`);
    const before = Y.encodeStateVector(known);
    workshopMap(known).delete('phases');
    const deletion = Y.encodeStateAsUpdate(known, before);
    const fresh = new Y.Doc();
    workshopMap(fresh).set('summon', {
      seq: 99,
      by: participantIdOf(secret()),
      name: 'x',
      viewport: { x: 0, y: 0, zoom: 1 },
      at: 1,
    });
    raw.ws.send(syncUpdateMessage(deletion));
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(fresh)));
    await until(async () => (await dropped()) >= 2);

    expect((await workshopOnServer()).phases.map((p) => p.phase)).toEqual(['enforceTimeline']);
    expect((await workshopOnServer()).summon).toBeNull();
    expect(readWorkshop(watcher.doc).phases).toHaveLength(1);
    // Dropped, not disconnected: as a view link's updates are.
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it('closes (retryably) a socket whose update builds on items the server does not hold, keeping nothing', async () => {
    const watcher = client();
    await watcher.synced;
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(watcher.doc));
    const id = createElement(ahead, { kind: 'domainEvent', text: 'Parked', position: { x: 0, y: 0 } }, 'a');
    const before = Y.encodeStateVector(ahead);
    ahead.getMap('elements').delete(id);
    // Only the deletion, not the note it deletes: Yjs would keep it pending.
    const deletion = Y.encodeStateAsUpdate(ahead, before);
    const raw = await openRawSocket(`${server.wsUrl}/${board.id}`);
    raw.ws.send(syncUpdateMessage(deletion));
    expect((await raw.closed).code).toBe(CloseCode.updateAhead);
    expect(watcher.doc.getMap('elements').size).toBe(0);
  });
});
