import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardFileFromSnapshot, serializeBoardFile } from '../file/format.ts';
import { parseBoardFile } from '../file/parse.ts';
import type { ElementKind } from '../kinds.ts';
import { ELEMENT_KINDS } from '../kinds.ts';
import { migrateBoardDoc } from './migrate.ts';
import { readBoard } from './read.ts';
import {
  addPayloadField,
  connectElements,
  createElement,
  deleteConnections,
  deleteElements,
  elementText,
  movePayloadField,
  removePayloadField,
  reorderElements,
  updateElement,
  updatePayloadField,
} from './write.ts';

/**
 * In the style of Yjs's own tests: several simulated users edit one board at once while a lossy,
 * reordering network delivers their updates late and out of order; at the end every replica must hold
 * the same board, and that board must be a valid board file.
 */

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length ? items[int(items.length)] : undefined;
  return { next, int, pick };
}

interface User {
  readonly doc: Y.Doc;
  readonly origin: object;
  /** Updates from others not yet delivered to this user. */
  readonly inbox: Uint8Array[];
}

function simulate(seed: number, userCount: number, operations: number) {
  const random = prng(seed);
  const users: User[] = Array.from({ length: userCount }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = index + 1;
    return { doc, origin: { user: index }, inbox: [] };
  });
  // The server seeds the schema version before anyone joins.
  migrateBoardDoc(users[0]!.doc, 'server');
  const seedUpdate = Y.encodeStateAsUpdate(users[0]!.doc);
  for (const user of users.slice(1)) Y.applyUpdate(user.doc, seedUpdate, 'remote');
  for (const user of users) {
    user.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (const other of users) if (other !== user) other.inbox.push(update);
    });
  }

  const words = ['Order', 'Placed', '주문', '접수됨', 'Payment', '🎉', 'Container', 'Loaded', 'ß'];
  const ids = (user: User) => [...user.doc.getMap('elements').keys()];

  const actions: Array<(user: User) => void> = [
    (user) => {
      const kind = random.pick(ELEMENT_KINDS) as ElementKind;
      createElement(
        user.doc,
        { kind, text: random.pick(words) ?? '', position: { x: random.int(2000), y: random.int(1000) } },
        user.origin,
      );
    },
    (user) => {
      const id = random.pick(ids(user));
      const text = id && elementText(user.doc, id);
      if (text) text.insert(random.int(text.length + 1), random.pick(words) ?? '');
    },
    (user) => {
      const id = random.pick(ids(user));
      const text = id && elementText(user.doc, id);
      if (text && text.length > 0) {
        const at = random.int(text.length);
        text.delete(at, Math.min(text.length - at, 1 + random.int(4)));
      }
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id)
        updateElement(user.doc, id, { position: { x: random.int(3000), y: random.int(2000) } }, user.origin);
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id)
        updateElement(
          user.doc,
          id,
          { size: { width: 50 + random.int(500), height: 50 + random.int(400) } },
          user.origin,
        );
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id) deleteElements(user.doc, [id], user.origin);
    },
    (user) => {
      const all = ids(user);
      const source = random.pick(all);
      const target = random.pick(all);
      if (source && target) connectElements(user.doc, { source, target }, user.origin);
    },
    (user) => {
      const id = random.pick([...user.doc.getMap('connections').keys()]);
      if (id) deleteConnections(user.doc, [id], user.origin);
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id) reorderElements(user.doc, [id], random.next() < 0.5 ? 'front' : 'back', user.origin);
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id) updateElement(user.doc, id, { kind: random.pick(ELEMENT_KINDS) as ElementKind }, user.origin);
    },
    (user) => {
      const id = random.pick(ids(user));
      if (id) {
        addPayloadField(
          user.doc,
          id,
          {
            name: `f${random.int(5)}`,
            type: random.pick([
              { kind: 'string' },
              { kind: 'uuid' },
              { kind: 'enum', values: ['a', 'b'] },
            ] as const)!,
          },
          user.origin,
          random.int(3),
        );
      }
    },
    (user) => {
      const id = random.pick(ids(user));
      const fields = id ? user.doc.getMap('elements').get(id) : undefined;
      const fieldMap = fields instanceof Y.Map ? fields.get('fields') : undefined;
      const fieldId = fieldMap instanceof Y.Map ? random.pick([...fieldMap.keys()] as string[]) : undefined;
      if (!id || !fieldId) return;
      const choice = random.int(3);
      if (choice === 0) movePayloadField(user.doc, id, fieldId, random.int(4), user.origin);
      else if (choice === 1)
        updatePayloadField(user.doc, id, fieldId, { required: random.next() < 0.5 }, user.origin);
      else removePayloadField(user.doc, id, fieldId, user.origin);
    },
  ];

  const deliverOne = () => {
    const user = random.pick(users.filter((u) => u.inbox.length > 0));
    if (!user) return;
    // Deliver a random pending update: out of order, as a flaky network would.
    const [update] = user.inbox.splice(random.int(user.inbox.length), 1);
    Y.applyUpdate(user.doc, update!, 'remote');
  };

  for (let step = 0; step < operations; step++) {
    if (random.next() < 0.35) deliverOne();
    else random.pick(actions)!(random.pick(users)!);
  }
  while (users.some((user) => user.inbox.length > 0)) deliverOne();
  return users;
}

describe('concurrent editing', () => {
  const cases = [
    { seed: 1, users: 3, operations: 400 },
    { seed: 2, users: 3, operations: 600 },
    { seed: 3, users: 4, operations: 600 },
    { seed: 4, users: 5, operations: 800 },
    { seed: 5, users: 3, operations: 1000 },
  ];

  it.each(cases)(
    '$users users, $operations operations (seed $seed) converge to one valid board',
    ({ seed, users: count, operations }) => {
      const users = simulate(seed, count, operations);
      const snapshots = users.map((user) => readBoard(user.doc));
      for (const snapshot of snapshots.slice(1)) expect(snapshot).toEqual(snapshots[0]);
      const states = users.map((user) => Y.encodeStateVector(user.doc).toString());
      expect(new Set(states).size).toBe(1);

      const board = snapshots[0]!;
      expect(board.elements.length).toBeGreaterThan(5);
      const ids = new Set(board.elements.map((element) => element.id));
      for (const connection of board.connections) {
        expect(ids.has(connection.source) && ids.has(connection.target)).toBe(true);
      }
      const parsed = parseBoardFile(serializeBoardFile(boardFileFromSnapshot(board, 'converged')));
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    },
  );

  it('merges two people typing into one note character by character', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const id = createElement(
      alice,
      { kind: 'domainEvent', text: 'Order', position: { x: 0, y: 0 } },
      'alice',
    );
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    elementText(alice, id)!.insert(5, ' Placed');
    elementText(bob, id)!.insert(0, 'Big ');
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    expect(readBoard(alice).elements[0]!.text).toBe('Big Order Placed');
    expect(readBoard(bob)).toEqual(readBoard(alice));
  });

  it('never loses a connection to a concurrent delete: the dangling arrow is simply not read', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const command = createElement(alice, { kind: 'command', position: { x: 0, y: 0 } }, 'alice');
    const aggregate = createElement(alice, { kind: 'aggregate', position: { x: 0, y: 0 } }, 'alice');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    deleteElements(alice, [aggregate], 'alice');
    expect(connectElements(bob, { source: command, target: aggregate }, 'bob').ok).toBe(true);
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    expect(readBoard(alice)).toEqual(readBoard(bob));
    expect(readBoard(alice).connections).toEqual([]);
  });
});
