import { changed, refused, type WorkshopActionHandler, type WorkshopOutcome } from './action-types.ts';
import type { WorkshopState } from './state.ts';
import {
  addMinute,
  MAX_TIMER_MS,
  MINUTE_MS,
  pauseTimer,
  resumeTimer,
  startTimer,
  type TimerState,
} from './timer.ts';

function withTimer(state: WorkshopState, change: (timer: TimerState) => TimerState): WorkshopOutcome {
  if (!state.timer) return refused(409, 'no_timer', 'no timer is running');
  return changed({ timer: change(state.timer) });
}

export const TIMER_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  startTimer: {
    facilitatorOnly: true,
    apply(_state, body, _actor, now) {
      const { minutes } = body;
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
        return refused(400, 'invalid_action', '"minutes" must be a positive number');
      }
      if (minutes * MINUTE_MS > MAX_TIMER_MS) {
        return refused(400, 'invalid_action', `a timer runs for at most ${MAX_TIMER_MS / MINUTE_MS} minutes`);
      }
      return changed({ timer: startTimer(minutes, now) });
    },
  },
  pauseTimer: {
    facilitatorOnly: true,
    apply: (state, _body, _actor, now) => withTimer(state, (timer) => pauseTimer(timer, now)),
  },
  resumeTimer: {
    facilitatorOnly: true,
    apply: (state, _body, _actor, now) => withTimer(state, (timer) => resumeTimer(timer, now)),
  },
  addMinute: {
    facilitatorOnly: true,
    apply: (state, _body, _actor, now) => withTimer(state, (timer) => addMinute(timer, now)),
  },
  stopTimer: {
    facilitatorOnly: true,
    apply: () => changed({ timer: null }),
  },
};
