import { changed, refused, type WorkshopActionHandler } from './action-types.ts';
import { revealDrafts, switchSilentWriting } from './silent-writing.ts';

export const SILENT_WRITING_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  /** `{ on: boolean }`: turning it off reveals everyone's drafts. */
  setSilentWriting: {
    facilitatorOnly: true,
    apply(state, body, _actor, now) {
      if (typeof body.on !== 'boolean') return refused(400, 'invalid_action', '"on" must be true or false');
      const next = switchSilentWriting(state.silentWriting, body.on, now);
      return changed(next === state.silentWriting ? {} : { silentWriting: next });
    },
  },
  /** Publishes everyone's drafts at once (each author's browser does, on seeing the new count). */
  revealNotes: {
    facilitatorOnly: true,
    apply(state) {
      return changed({ silentWriting: revealDrafts(state.silentWriting) });
    },
  },
};
