import { boardMaps, draftsDue, workshopMap } from '@squall/model';
import type * as Y from 'yjs';
import { type Drafts, publishDrafts } from './drafts.ts';
import { silentWritingOf } from './workshopState.ts';

/**
 * Publishes this participant's drafts when a facilitator reveals: the drafts written before the latest
 * reveal, in one transaction. It runs whenever the reveal count or the drafts change, so a participant
 * who was offline at the reveal (or whose drafts load from IndexedDB after the board) publishes on
 * return. The count only ever grows, so a stale copy of the board never publishes too early.
 */
export function publishOnReveal(board: Y.Doc, drafts: Drafts): () => void {
  const workshop = workshopMap(board);
  const draftElements = boardMaps(drafts.doc).elements;
  const check = () => {
    const due = draftsDue(drafts.stamps(), silentWritingOf(board).reveals);
    if (due.length > 0)
      publishDrafts(
        board,
        drafts,
        due.map((draft) => draft.id),
      );
  };
  workshop.observe(check);
  draftElements.observe(check);
  check();
  return () => {
    workshop.unobserve(check);
    draftElements.unobserve(check);
  };
}
