import { boardMaps } from '@squall/model';
import type { Awareness } from 'y-protocols/awareness';
import type { Drafts } from './drafts.ts';

/**
 * Tells everyone how many drafts this participant holds ("Alice: 4 notes"), through awareness: the
 * count, never the notes.
 */
export function shareDraftCount(awareness: Awareness, drafts: Drafts): () => void {
  const { elements } = boardMaps(drafts.doc);
  const share = () => {
    const count = elements.size;
    const state = awareness.getLocalState();
    if (state !== null && state.drafts !== count) awareness.setLocalStateField('drafts', count);
  };
  elements.observe(share);
  share();
  return () => elements.unobserve(share);
}
