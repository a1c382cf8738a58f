import type { WorkshopActionHandler, WorkshopActor, WorkshopOutcome } from './action-types.ts';
import { refused } from './action-types.ts';
import { FACILITATION_ACTIONS } from './facilitation.ts';
import { PHASE_ACTIONS } from './phase-actions.ts';
import { SILENT_WRITING_ACTIONS } from './silent-writing-actions.ts';
import type { WorkshopState } from './state.ts';
import { TIMER_ACTIONS } from './timer-actions.ts';
import { VOTING_ACTIONS } from './voting-actions.ts';

/** Every workshop action by its `type`, one file per feature. */
export const WORKSHOP_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  ...FACILITATION_ACTIONS,
  ...PHASE_ACTIONS,
  ...TIMER_ACTIONS,
  ...SILENT_WRITING_ACTIONS,
  ...VOTING_ACTIONS,
};

/**
 * The rule for one request: the action must exist and, when it is a facilitator's, come from one.
 * Pure: the server passes the state it holds, who asks and its own clock.
 */
export function applyWorkshopAction(
  state: WorkshopState,
  body: Readonly<Record<string, unknown>>,
  actor: WorkshopActor,
  now: number,
): WorkshopOutcome {
  const type = body.type;
  const handler =
    typeof type === 'string' && Object.hasOwn(WORKSHOP_ACTIONS, type) ? WORKSHOP_ACTIONS[type] : undefined;
  if (!handler) {
    return refused(400, 'invalid_action', `unknown workshop action ${JSON.stringify(type)}`);
  }
  if (handler.facilitatorOnly && !actor.facilitator) {
    return refused(403, 'not_facilitator', 'only a facilitator can do this');
  }
  return handler.apply(state, body, actor, now);
}
