import { readWorkshop, type SilentWritingState, type VotingState } from '@squall/model';
import type * as Y from 'yjs';

/** Silent writing as the board's workshop state has it now (read outside React, e.g. when placing a note). */
export function silentWritingOf(doc: Y.Doc): SilentWritingState {
  return readWorkshop(doc).silentWriting;
}

export function votingOf(doc: Y.Doc): VotingState | null {
  return readWorkshop(doc).voting;
}
