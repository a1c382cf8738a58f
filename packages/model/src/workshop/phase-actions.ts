import { changed, refused, type WorkshopActionHandler } from './action-types.ts';
import { isWorkshopPhase, WORKSHOP_PHASES } from './phases.ts';
import { currentPhase, MAX_PHASE_HISTORY } from './state.ts';

export const PHASE_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  setPhase: {
    facilitatorOnly: true,
    apply(state, body, _actor, now) {
      if (!isWorkshopPhase(body.phase)) {
        return refused(400, 'invalid_action', `"phase" must be one of ${WORKSHOP_PHASES.join(', ')}`);
      }
      if (currentPhase(state) === body.phase) return changed({});
      const phases = [...state.phases, { phase: body.phase, startedAt: now }].slice(-MAX_PHASE_HISTORY);
      return changed({ phases });
    },
  },
};
