import { boardMaps, createElement, readBoard, writeWorkshopChanges } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardView } from '../sync/boardView.ts';
import {
  createDraft,
  createDrafts,
  deleteDrafts,
  docOf,
  publishDrafts,
  updateAnyElements,
} from './drafts.ts';
import { publishOnReveal } from './publishOnReveal.ts';

const origin = { user: 'test' };
const SERVER = 'server';

function setup() {
  const doc = new Y.Doc();
  const drafts = createDrafts();
  const view = createBoardView(doc, drafts.doc);
  return { doc, drafts, view, session: { doc, drafts, view, origin } };
}

function silentWriting(doc: Y.Doc, on: boolean, reveals: number) {
  writeWorkshopChanges(doc, { silentWriting: { on, since: 1, reveals } }, SERVER);
}

describe('drafts', () => {
  it('shows a draft among the notes, marked, while the board document never holds it', () => {
    const { doc, drafts, view, session } = setup();
    const shared = createElement(
      doc,
      { kind: 'domainEvent', text: 'Shared', position: { x: 0, y: 0 } },
      origin,
    );
    silentWriting(doc, true, 0);
    const draft = createDraft(session, { kind: 'hotspot', text: 'Secret', position: { x: 10, y: 0 } });
    const nodes = view.store.getState().nodes;
    expect(nodes.map((node) => [node.ariaLabel, node.data.draft ?? false])).toEqual([
      ['Domain event: Shared', false],
      ['Hotspot: Secret', true],
    ]);
    expect(boardMaps(doc).elements.has(draft)).toBe(false);
    expect(JSON.stringify(Y.encodeStateAsUpdate(doc))).not.toContain('Secret');
    expect(docOf(session, draft)).toBe(drafts.doc);
    expect(docOf(session, shared)).toBe(doc);
  });

  it('moves drafts and board notes together, each in its own document', () => {
    const { doc, view, session } = setup();
    const shared = createElement(
      doc,
      { kind: 'domainEvent', text: 'Shared', position: { x: 0, y: 0 } },
      origin,
    );
    const draft = createDraft(session, { kind: 'hotspot', text: 'Mine', position: { x: 0, y: 0 } });
    updateAnyElements(session, [
      { id: shared, patch: { position: { x: 5, y: 5 } } },
      { id: draft, patch: { position: { x: 7, y: 7 } } },
    ]);
    const { elements } = view.store.getState();
    expect(elements.get(shared)?.position).toEqual({ x: 5, y: 5 });
    expect(elements.get(draft)?.position).toEqual({ x: 7, y: 7 });
    deleteDrafts(session.drafts, [draft]);
    expect(view.store.getState().elements.has(draft)).toBe(false);
  });

  it('publishes drafts in one transaction, on top, with their ids, and they stop being drafts', () => {
    const { doc, drafts, view, session } = setup();
    createElement(doc, { kind: 'domainEvent', text: 'Shared', position: { x: 0, y: 0 } }, origin);
    const a = createDraft(session, { kind: 'hotspot', text: 'A', position: { x: 0, y: 0 } });
    const b = createDraft(session, { kind: 'opportunity', text: 'B', position: { x: 0, y: 0 } });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(publishDrafts(doc, drafts, [a, b]).sort()).toEqual([a, b].sort());
    expect(transactions).toBe(1);
    const board = readBoard(doc);
    // Paint order: the published drafts above what was on the board.
    expect(board.elements.map((element) => element.text)).toEqual(['Shared', 'A', 'B']);
    expect(drafts.stamps()).toEqual([]);
    expect(view.store.getState().nodes.every((node) => !node.data.draft)).toBe(true);
  });

  it('publishes on a reveal the drafts written before it, and later drafts only on the next one', () => {
    const { doc, drafts, session } = setup();
    silentWriting(doc, true, 0);
    const stop = publishOnReveal(doc, drafts);
    const before = createDraft(session, { kind: 'hotspot', text: 'Before', position: { x: 0, y: 0 } });
    silentWriting(doc, true, 1);
    expect(boardMaps(doc).elements.has(before)).toBe(true);
    const after = createDraft(session, { kind: 'hotspot', text: 'After', position: { x: 0, y: 0 } });
    expect(drafts.has(after)).toBe(true);
    silentWriting(doc, false, 2);
    expect(boardMaps(doc).elements.has(after)).toBe(true);
    stop();
  });

  it('publishes on return what an author wrote before a reveal they missed', () => {
    // The author's browser, offline: its copy of the board still says no reveal happened.
    const { doc, drafts, session } = setup();
    silentWriting(doc, true, 0);
    const stop = publishOnReveal(doc, drafts);
    const draft = createDraft(session, { kind: 'hotspot', text: 'Offline idea', position: { x: 0, y: 0 } });
    // Meanwhile the facilitator revealed on the server; the author reconnects and syncs.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    writeWorkshopChanges(server, { silentWriting: { on: true, since: 1, reveals: 1 } }, SERVER);
    expect(boardMaps(doc).elements.has(draft)).toBe(false);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
    expect(boardMaps(doc).elements.has(draft)).toBe(true);
    expect(drafts.has(draft)).toBe(false);
    stop();
  });

  it('publishes drafts that load from storage after a reveal they were written before', () => {
    const { doc, drafts } = setup();
    silentWriting(doc, true, 1);
    const stop = publishOnReveal(doc, drafts);
    // What IndexedDB holds from the last visit: a draft written when no reveal had happened.
    const stored = createDrafts();
    const id = stored.create({ kind: 'hotspot', text: 'Kept', position: { x: 0, y: 0 } }, 0);
    Y.applyUpdate(drafts.doc, Y.encodeStateAsUpdate(stored.doc));
    expect(boardMaps(doc).elements.has(id)).toBe(true);
    stop();
  });
});
