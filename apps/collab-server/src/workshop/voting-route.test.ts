import { randomBytes } from 'node:crypto';
import {
  createElement,
  participantIdOf,
  readBoard,
  readWorkshop,
  tallyVotes,
  type WorkshopState,
  workshopMap,
} from '@squall/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import type { CreatedBoard } from '../board-service.ts';
import { PARTICIPANT_HEADER } from './workshop-route.ts';

let server: TestServer;
let board: CreatedBoard;
const clients: YClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  board = await createBoard(server.url, 'Voting');
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

const secret = () => randomBytes(16).toString('base64url');

async function act(token: string, participant: string, action: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/boards/${board.id}/workshop`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [PARTICIPANT_HEADER]: participant,
    },
    body: JSON.stringify(action),
  });
  const body = (await response.json()) as { workshop?: WorkshopState; error?: { code: string } };
  return { status: response.status, code: body.error?.code, workshop: body.workshop };
}

async function dropped(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^squall_workshop_writes_dropped_total (\d+)/m.exec(text)?.[1] ?? 0);
}

function client(): YClient {
  const c = connectClient(server.wsUrl, board.id, board.editToken);
  clients.push(c);
  return c;
}

describe('dot voting through the workshop API', () => {
  it('counts at most the allowance per person, however the ballots were forged', async () => {
    const watcher = client();
    await watcher.synced;
    const hotspot = createElement(
      watcher.doc,
      { kind: 'hotspot', text: 'Fees?', position: { x: 0, y: 0 } },
      'w',
    );
    const event = createElement(
      watcher.doc,
      { kind: 'domainEvent', text: 'Paid', position: { x: 0, y: 0 } },
      'w',
    );
    const owner = secret();
    expect((await act(board.ownerKey, owner, { type: 'startVoting', votesPerPerson: 2 })).status).toBe(200);
    await whenDoc(watcher.doc, (doc) => readWorkshop(doc).voting?.status === 'open');

    const ann = secret();
    const eve = secret();
    expect(
      (await act(board.editToken, ann, { type: 'castBallot', round: 1, elements: [hotspot] })).status,
    ).toBe(200);
    // Over the allowance: refused, nothing changes.
    const over = await act(board.editToken, eve, {
      type: 'castBallot',
      elements: [hotspot, hotspot, hotspot],
    });
    expect([over.status, over.code]).toEqual([409, 'over_vote_limit']);
    // On a kind that cannot be voted on: stored, never counted.
    expect((await act(board.editToken, eve, { type: 'castBallot', elements: [event, hotspot] })).status).toBe(
      200,
    );
    // A participant cannot close the round, nor vote from a view link.
    expect((await act(board.editToken, eve, { type: 'closeVoting' })).code).toBe('not_facilitator');
    expect((await act(board.viewToken, eve, { type: 'castBallot', elements: [hotspot] })).code).toBe(
      'read_only',
    );

    // Over the socket, the forger writes itself a ten-vote ballot: dropped by the server.
    const forger = client();
    await forger.synced;
    await whenDoc(forger.doc, (doc) => readWorkshop(doc).voting?.ballots[participantIdOf(eve)] !== undefined);
    const voting = readWorkshop(forger.doc).voting!;
    forger.doc.transact(() =>
      workshopMap(forger.doc).set('voting', {
        ...voting,
        ballots: { ...voting.ballots, [participantIdOf(eve)]: Array(10).fill(hotspot) },
      }),
    );

    await until(async () => (await dropped()) >= 1);

    const closed = await act(board.ownerKey, owner, { type: 'closeVoting' });
    expect(closed.status).toBe(200);
    await whenDoc(watcher.doc, (doc) => readWorkshop(doc).voting?.status === 'closed');
    expect(readWorkshop(watcher.doc).voting?.ballots[participantIdOf(eve)]).toEqual([event, hotspot]);
    expect(tallyVotes(readWorkshop(watcher.doc), readBoard(watcher.doc))).toEqual([
      { elementId: hotspot, votes: 2 },
    ]);
    // And the round is over for everyone.
    expect((await act(board.editToken, ann, { type: 'castBallot', elements: [] })).code).toBe(
      'voting_closed',
    );
  });
});
