import { createElement } from '@squall/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createBoardView } from '../sync/boardView.ts';
import { createPeerStore, IDLE_CURSOR_MS } from './peerStore.ts';

/** This browser's awareness, and a colleague's whose state reaches it as it would over the wire. */
function twoPeople() {
  const doc = new Y.Doc();
  const mine = new Awareness(doc);
  const theirs = new Awareness(new Y.Doc());
  const send = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
  return { doc, mine, theirs, send };
}

const presence = (cursor: { x: number; y: number } | null, extra: object = {}) => ({
  user: { name: 'Alice', color: '#e03131' },
  cursor,
  selection: [],
  drag: {},
  viewport: null,
  lastActive: 0,
  ...extra,
});

describe('createPeerStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the others, validated, and drops those who leave', () => {
    const { doc, mine, theirs, send } = twoPeople();
    const peers = createPeerStore(mine, createBoardView(doc));
    theirs.setLocalState(presence({ x: 10, y: 20 }, { user: { name: '  Alice ', color: '#e03131' } }));
    send();
    const alice = peers.store.getState().peers.get(theirs.clientID);
    expect(alice?.user.name).toBe('Alice');
    expect(alice?.cursor).toEqual({ x: 10, y: 20 });
    theirs.setLocalState(null);
    send();
    expect(peers.store.getState().peers.size).toBe(0);
    peers.destroy();
  });

  it('ignores states that are not a valid presence', () => {
    const { doc, mine, theirs, send } = twoPeople();
    const peers = createPeerStore(mine, createBoardView(doc));
    theirs.setLocalState({ user: { name: 'Mallory', color: 'red; background: url(x)' } });
    send();
    expect(peers.store.getState().peers.size).toBe(0);
    peers.destroy();
  });

  it('marks a pointer idle after it has not moved for a while, by this clock, and active when it moves', () => {
    const { doc, mine, theirs, send } = twoPeople();
    const peers = createPeerStore(mine, createBoardView(doc));
    theirs.setLocalState(presence({ x: 1, y: 1 }));
    send();
    const idle = () => peers.store.getState().peers.get(theirs.clientID)?.idle;
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(IDLE_CURSOR_MS - 2_000);
    // A selection change is not a pointer move.
    theirs.setLocalState(presence({ x: 1, y: 1 }, { selection: ['a'] }));
    send();
    vi.advanceTimersByTime(3_000);
    expect(idle()).toBe(true);
    theirs.setLocalState(presence({ x: 2, y: 1 }));
    send();
    expect(idle()).toBe(false);
    peers.destroy();
  });

  it('shows a colleague’s drag on this canvas and re-reads the note from the document when it ends', () => {
    const { doc, mine, theirs, send } = twoPeople();
    const id = createElement(doc, { kind: 'command', text: 'Pay', position: { x: 0, y: 0 } }, 'setup');
    const view = createBoardView(doc);
    const peers = createPeerStore(mine, view);
    const position = () => view.store.getState().nodes.find((node) => node.id === id)?.position;
    theirs.setLocalState(presence(null, { drag: { [id]: { x: 50, y: 60 } } }));
    send();
    expect(position()).toEqual({ x: 50, y: 60 });
    theirs.setLocalState(presence(null));
    send();
    expect(position()).toEqual({ x: 0, y: 0 });
    peers.destroy();
  });

  it('does not rebuild the others when only this user’s own pointer moves', () => {
    const { doc, mine, theirs, send } = twoPeople();
    const peers = createPeerStore(mine, createBoardView(doc));
    theirs.setLocalState(presence({ x: 1, y: 1 }));
    send();
    const before = peers.store.getState().peers;
    mine.setLocalState(presence({ x: 5, y: 5 }, { user: { name: 'Bob', color: '#1971c2' } }));
    expect(peers.store.getState().peers).toBe(before);
    expect(peers.store.getState().me).toEqual({ name: 'Bob', color: '#1971c2' });
    peers.destroy();
  });
});
