import { countVotes, type VoteTally, type VotingState, workshopMap } from '@squall/model';
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardView } from '../sync/boardView.ts';
import { votingOf } from './workshopState.ts';

/** The latest voting round and its tally, kept up to date with the document. */
export interface VotesState {
  readonly voting: VotingState | null;
  /** Everyone's counted votes (the UI shows others' only once the round is closed). */
  readonly tally: VoteTally | null;
  /**
   * The ballot this browser sent last, until the document shows it: quick successive clicks build on it
   * instead of on a tally that has not caught up yet.
   */
  readonly sent: {
    readonly round: number;
    readonly voter: string;
    readonly ballot: readonly string[];
  } | null;
}

function sameBallot(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export interface VotesView {
  readonly store: StoreApi<VotesState>;
  destroy(): void;
}

export function createVotesView(doc: Y.Doc, view: BoardView): VotesView {
  const elements = doc.getMap('elements');
  const count = (sent: VotesState['sent']): VotesState => {
    const voting = votingOf(doc);
    if (!voting) return { voting, tally: null, sent: null };
    const read = view.store.getState().elements;
    const arrived =
      sent !== null &&
      (sent.round !== voting.round || sameBallot(voting.ballots[sent.voter] ?? [], sent.ballot));
    return {
      voting,
      // Drafts are not on the board: they take no votes.
      tally: countVotes(voting, (id) => (elements.has(id) ? read.get(id)?.kind : undefined)),
      sent: arrived ? null : sent,
    };
  };
  const store = createStore<VotesState>(() => count(null));
  const refresh = () => store.setState(count(store.getState().sent));
  const workshop = workshopMap(doc);
  workshop.observe(refresh);
  // A note deleted or changed to another kind loses its votes (and gives its voters them back).
  let seen = view.store.getState().elements;
  const unsubscribe = view.store.subscribe((state) => {
    if (state.elements === seen) return;
    seen = state.elements;
    if (store.getState().voting) refresh();
  });
  return {
    store,
    destroy() {
      workshop.unobserve(refresh);
      unsubscribe();
    },
  };
}
