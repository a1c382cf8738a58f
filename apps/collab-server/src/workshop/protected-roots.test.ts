import { createElement, elementText, readWorkshop, workshopMap } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { selfReferencingInsert } from '../../test/helpers/crafted-updates.ts';
import { checkPeerUpdate, MALFORMED, rootsTouchedBy, UNRESOLVED } from './protected-roots.ts';

function type(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => elementText(doc, id)!.insert(elementText(doc, id)!.length, text), 'c');
}

/** A server document and a client that has synced with it. */
function pair(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  createElement(server, { kind: 'domainEvent', text: 'Order placed', position: { x: 0, y: 0 } }, 's');
  workshopMap(server).set('phases', [{ phase: 'chaoticExploration', startedAt: 1 }]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What the client would send for one local change (the y-websocket update message). */
function changeOf(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  client.on('update', capture);
  change(client);
  client.off('update', capture);
  if (!update) throw new Error('no update');
  return update;
}

describe('rootsTouchedBy', () => {
  it('names the root a note edit touches, and lets it through', () => {
    const { server, client } = pair();
    const update = changeOf(client, (doc) => {
      createElement(doc, { kind: 'command', text: 'Place order', position: { x: 1, y: 1 } }, 'c');
    });
    expect(rootsTouchedBy(server, update)).toEqual(new Set(['elements']));
    expect(checkPeerUpdate(server, update)).toBe('ok');
  });

  it('follows typing inside an existing note (items with only an origin) to its root', () => {
    const { server, client } = pair();
    const [id] = [...client.getMap('elements').keys()];
    const update = changeOf(client, (doc) => type(doc, id!, '!!'));
    expect(rootsTouchedBy(server, update)).toEqual(new Set(['elements']));
  });

  it('catches a write to the workshop map, a new key or an overwrite', () => {
    const { server, client } = pair();
    const set = changeOf(client, (doc) => workshopMap(doc).set('timer', { status: 'paused' }));
    expect(checkPeerUpdate(server, set)).toBe('protected');
    const overwrite = changeOf(client, (doc) => workshopMap(doc).set('phases', []));
    expect(checkPeerUpdate(server, overwrite)).toBe('protected');
  });

  it('catches a deletion in the workshop map alone', () => {
    const { server, client } = pair();
    const update = changeOf(client, (doc) => workshopMap(doc).delete('phases'));
    expect(rootsTouchedBy(server, update)).toEqual(new Set(['workshop']));
  });

  it('catches a workshop write hidden in a transaction that also edits notes', () => {
    const { server, client } = pair();
    const update = changeOf(client, (doc) =>
      doc.transact(() => {
        createElement(doc, { kind: 'hotspot', text: 'Why?', position: { x: 0, y: 0 } }, 'c');
        workshopMap(doc).set('facilitators', {});
      }),
    );
    expect(rootsTouchedBy(server, update)).toEqual(new Set(['elements', 'workshop']));
  });

  it('ignores deletions already applied: a sync step 2 repeats the whole delete set', () => {
    const { server, client } = pair();
    // The server replaces a workshop value (deleting the old one), and the client learns it.
    workshopMap(server).set('phases', [{ phase: 'enforceTimeline', startedAt: 2 }]);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
    createElement(client, { kind: 'actor', text: 'Clerk', position: { x: 0, y: 0 } }, 'c');
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(rootsTouchedBy(server, step2)).toEqual(new Set(['elements']));
    expect(checkPeerUpdate(server, step2)).toBe('ok');
  });

  it('resolves chains inside one update (an offline session: new note, then typing in it)', () => {
    const { server, client } = pair();
    const before = Y.encodeStateVector(client);
    const id = createElement(client, { kind: 'policy', text: 'When', position: { x: 0, y: 0 } }, 'c');
    type(client, id, ' paid, ship');
    client.getMap('elements').delete(id);
    const update = Y.encodeStateAsUpdate(client, before);
    expect(rootsTouchedBy(server, update)).toEqual(new Set(['elements']));
  });

  it('refuses an update that refers to what the server does not hold', () => {
    const { server, client } = pair();
    // A change the server never got, then one that builds on it: the second alone cannot be placed.
    const [id] = [...client.getMap('elements').keys()];
    changeOf(client, (doc) => type(doc, id!, ' (1)'));
    const second = changeOf(client, (doc) => type(doc, id!, '(2)'));
    expect(rootsTouchedBy(server, second)).toBe(UNRESOLVED);
    expect(checkPeerUpdate(server, second)).toBe('unresolved');
  });

  it('calls an update whose origins run in a circle malformed', () => {
    const { server } = pair();
    expect(rootsTouchedBy(server, selfReferencingInsert(4242, { client: server.clientID, clock: 0 }))).toBe(
      MALFORMED,
    );
  });

  it('refuses a deletion of items the server does not hold', () => {
    const { server } = pair();
    // A client makes and deletes items, and sends only the delete set: Yjs would keep it pending and
    // apply it to whatever items with those ids arrive later.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
    workshopMap(forged).set('timer', null);
    workshopMap(forged).delete('timer');
    const deletionsOnly = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(forged));
    expect(Y.decodeUpdate(deletionsOnly).structs).toEqual([]);
    expect(rootsTouchedBy(server, deletionsOnly)).toBe(UNRESOLVED);
  });

  it('leaves the workshop state to the server: applying what it accepts never changes it', () => {
    const { server, client } = pair();
    const update = changeOf(client, (doc) => {
      createElement(doc, { kind: 'aggregate', text: 'Order', position: { x: 5, y: 5 } }, 'c');
    });
    const before = readWorkshop(server);
    if (checkPeerUpdate(server, update) === 'ok') Y.applyUpdate(server, update);
    expect(readWorkshop(server)).toEqual(before);
  });
});
