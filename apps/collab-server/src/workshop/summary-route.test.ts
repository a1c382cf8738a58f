import { randomBytes } from 'node:crypto';
import { createElement, participantIdOf, readBoard } from '@squall/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import type { CreatedBoard } from '../board-service.ts';
import { PARTICIPANT_HEADER } from './workshop-route.ts';

let server: TestServer;
const clients: YClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

async function summary(board: CreatedBoard, token: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${board.id}/summary.md`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('GET /api/boards/:id/summary.md', () => {
  it('lists who took part, the phases, the hotspots and the contexts with their events', async () => {
    const board = await createBoard(server.url, 'Payments workshop');
    const bob = connectClient(server.wsUrl, board.id);
    clients.push(bob);
    await bob.synced;
    const bobId = participantIdOf(randomBytes(16).toString('base64url'));
    bob.provider.awareness.setLocalState({
      user: { name: 'Bob', color: '#1971c2' },
      cursor: null,
      selection: [],
      drag: {},
      viewport: null,
      lastActive: Date.now(),
      participant: bobId,
    });
    const owner = randomBytes(16).toString('base64url');
    const act = (body: Record<string, unknown>) =>
      fetch(`${server.url}/api/boards/${board.id}/workshop`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${board.ownerKey}`,
          [PARTICIPANT_HEADER]: owner,
        },
        body: JSON.stringify({ ...body, actorName: 'Fay' }),
      });
    expect((await act({ type: 'claimFacilitator' })).status).toBe(200);
    expect((await act({ type: 'setPhase', phase: 'chaoticExploration' })).status).toBe(200);
    expect((await act({ type: 'setPhase', phase: 'problemsAndOpportunities' })).status).toBe(200);
    createElement(
      bob.doc,
      {
        kind: 'boundedContext',
        text: 'Payments',
        position: { x: 0, y: 0 },
        size: { width: 800, height: 400 },
      },
      'bob',
    );
    createElement(
      bob.doc,
      { kind: 'domainEvent', text: 'Payment Requested', position: { x: 50, y: 50 } },
      'bob',
    );
    const fees = createElement(
      bob.doc,
      { kind: 'hotspot', text: 'Who refunds fees?', position: { x: 900, y: 50 } },
      'bob',
    );
    await until(async () =>
      (await (await summary(board, board.viewToken)).text()).includes('Who refunds fees?'),
    );
    // A voting round: Bob (an edit link) votes twice on the hotspot; the results appear once it is closed.
    expect((await act({ type: 'startVoting', votesPerPerson: 3 })).status).toBe(200);
    const ballot = await fetch(`${server.url}/api/boards/${board.id}/workshop`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${board.editToken}`,
        [PARTICIPANT_HEADER]: randomBytes(16).toString('base64url'),
      },
      body: JSON.stringify({ type: 'castBallot', elements: [fees, fees] }),
    });
    expect(ballot.status).toBe(200);
    expect(await (await summary(board, board.viewToken)).text()).toContain('Voting is still open.');
    expect((await act({ type: 'closeVoting' })).status).toBe(200);

    const response = await summary(board, board.viewToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="Payments-workshop-summary.md"',
    );
    const text = await response.text();
    expect(text).toMatch(/^# Payments workshop: workshop summary\n/);
    expect(text).toContain('## Participants\n\n- Bob\n- Fay (facilitator)\n');
    expect(text).toMatch(/\| Chaotic exploration \| \d{4}-\d\d-\d\dT[\d:]+Z \| \d+ s \|/);
    expect(text).toMatch(/\| Problems and opportunities \| .* so far \|/);
    expect(text).toContain('## Voting results\n\n1. Hotspot: Who refunds fees? — 2 votes\n');
    expect(text).toContain('## Hotspots and opportunities\n\n- Hotspot: Who refunds fees? — 2 votes');
    expect(text).toContain('### Payments\n\n- Payment Requested');
  });

  it('needs one of the board tokens', async () => {
    const board = await createBoard(server.url);
    expect((await fetch(`${server.url}/api/boards/${board.id}/summary.md`)).status).toBe(401);
    expect((await summary(board, 'y'.repeat(22))).status).toBe(403);
    expect((await summary(board, board.editToken)).status).toBe(200);
  });
});

describe('POST /api/boards with a template', () => {
  it('creates the Big Picture wall and the example boards, and refuses unknown templates', async () => {
    const create = (template: unknown) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'From a template', template }),
      });
    const wall = (await (await create('bigPicture')).json()) as CreatedBoard;
    const client = connectClient(server.wsUrl, wall.id, wall.editToken);
    clients.push(client);
    await client.synced;
    await whenDoc(client.doc, (doc) => readBoard(doc).elements.length > 0);
    const read = readBoard(client.doc);
    expect(read.level).toBe('bigPicture');
    expect(read.elements.some((element) => element.text.startsWith('Timeline'))).toBe(true);

    const banking = (await (await create('bankingPayments')).json()) as CreatedBoard;
    expect(banking.elementCount).toBeGreaterThan(20);
    const shipping = (await (await create('containerShipping')).json()) as CreatedBoard;
    expect(shipping.elementCount).toBeGreaterThan(20);
    const empty = (await (await create('empty')).json()) as CreatedBoard;
    expect(empty.elementCount).toBe(0);

    const refused = await create('napkin');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('invalid_template');
  });
});
