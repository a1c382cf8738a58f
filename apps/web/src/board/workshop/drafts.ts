import {
  boardMaps,
  createElement,
  createElements,
  type DraftStamp,
  type ElementInit,
  type ElementPatch,
  elementInit,
  readElement,
  updateElements,
  zBetween,
} from '@squall/model';
import * as Y from 'yjs';
import type { BoardView } from '../sync/boardView.ts';
import { silentWritingOf } from './workshopState.ts';

/**
 * This participant's drafts of a silent-writing round: notes in a document of their own that never
 * leaves this browser (it is kept in IndexedDB beside the board's copy, see boardConnection.ts), laid
 * out like the board's `elements`, so the model's writers and readers work on it unchanged. A draft
 * joins the shared document only when it is published, by its author or by a facilitator's reveal.
 */
export interface Drafts {
  readonly doc: Y.Doc;
  has(id: string): boolean;
  /** Every draft's id and the number of reveals its author knew of when writing it. */
  stamps(): DraftStamp[];
  create(init: ElementInit, revealsSeen: number): string;
}

/** Publishing is not an undo step: Ctrl+Z right after a reveal must not take someone's notes back. */
const PUBLISH_ORIGIN = { user: 'local', action: 'publish drafts' };

export function createDrafts(): Drafts {
  const doc = new Y.Doc();
  const { elements } = boardMaps(doc);
  const revealsSeen = doc.getMap<number>('revealsSeen');
  return {
    doc,
    has: (id) => elements.has(id),
    stamps: () =>
      [...elements.keys()].map((id) => {
        const seen = revealsSeen.get(id);
        return { id, revealsSeen: typeof seen === 'number' ? seen : 0 };
      }),
    create(init, seen) {
      let id = '';
      doc.transact(() => {
        id = createElement(doc, init, null);
        revealsSeen.set(id, seen);
      });
      return id;
    },
  };
}

/**
 * Creates a draft (silent writing is on) above everything on the board, stamped with the reveals its
 * author knows of: a later reveal publishes it.
 */
export function createDraft(
  session: { readonly doc: Y.Doc; readonly drafts: Drafts; readonly view: BoardView },
  init: ElementInit,
): string {
  let top: string | undefined;
  for (const element of session.view.store.getState().elements.values()) {
    if (top === undefined || element.z > top) top = element.z;
  }
  return session.drafts.create(
    { ...init, z: zBetween(top, undefined) },
    silentWritingOf(session.doc).reveals,
  );
}

/** The document an element lives in: this participant's drafts, or the board. */
export function docOf(session: { readonly doc: Y.Doc; readonly drafts: Drafts }, id: string): Y.Doc {
  return session.drafts.has(id) ? session.drafts.doc : session.doc;
}

/** Updates elements wherever they live (a drag may move drafts and board notes together). */
export function updateAnyElements(
  session: { readonly doc: Y.Doc; readonly drafts: Drafts; readonly origin: unknown },
  updates: ReadonlyArray<{ readonly id: string; readonly patch: ElementPatch }>,
): void {
  const drafted = updates.filter((update) => session.drafts.has(update.id));
  const shared = updates.filter((update) => !session.drafts.has(update.id));
  if (drafted.length > 0) updateElements(session.drafts.doc, drafted, session.origin);
  if (shared.length > 0) updateElements(session.doc, shared, session.origin);
}

/** Deletes drafts (the board's own elements are deleted by the model's `deleteElements`). */
export function deleteDrafts(drafts: Drafts, ids: Iterable<string>): void {
  const { elements } = boardMaps(drafts.doc);
  const revealsSeen = drafts.doc.getMap<number>('revealsSeen');
  drafts.doc.transact(() => {
    for (const id of ids) {
      elements.delete(id);
      revealsSeen.delete(id);
    }
  });
}

/**
 * Publishes drafts to the board: all of them in one transaction (everyone sees them appear at once),
 * on top of everything, with the ids they had as drafts (so a second tab publishing the same drafts
 * writes the same notes, not copies). Returns the ids published.
 */
export function publishDrafts(board: Y.Doc, drafts: Drafts, ids: Iterable<string>): string[] {
  const { elements } = boardMaps(drafts.doc);
  const inits: ElementInit[] = [];
  for (const id of ids) {
    const element = readElement(id, elements.get(id));
    if (!element) continue;
    const { z: _ownOrder, ...init } = elementInit(element);
    inits.push(init);
  }
  if (inits.length === 0) return [];
  const published = createElements(board, inits, PUBLISH_ORIGIN);
  deleteDrafts(drafts, published);
  return published;
}
