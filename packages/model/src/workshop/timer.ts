/**
 * The shared timer: every instant is the server's clock (epoch milliseconds), so each screen computes
 * the same remaining time from its own estimate of the server's "now".
 */
export type TimerState =
  | { readonly status: 'running'; readonly endsAt: number; readonly durationMs: number }
  | { readonly status: 'paused'; readonly remainingMs: number; readonly durationMs: number };

export const MINUTE_MS = 60_000;
/** Longest timer one can set (and extend to): a workshop day. */
export const MAX_TIMER_MS = 8 * 60 * MINUTE_MS;

export function startTimer(minutes: number, now: number): TimerState {
  const durationMs = Math.round(Math.min(MAX_TIMER_MS, Math.max(1000, minutes * MINUTE_MS)));
  return { status: 'running', endsAt: now + durationMs, durationMs };
}

/** Milliseconds left at `now` (0 once the time is up; nothing left without a timer). */
export function remainingMs(timer: TimerState | null | undefined, now: number): number {
  if (!timer) return 0;
  if (timer.status === 'paused') return timer.remainingMs;
  return Math.max(0, timer.endsAt - now);
}

/** A running timer whose time has run out. */
export function isTimeUp(timer: TimerState | null | undefined, now: number): boolean {
  return timer?.status === 'running' && timer.endsAt <= now;
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status === 'paused') return timer;
  return { status: 'paused', remainingMs: remainingMs(timer, now), durationMs: timer.durationMs };
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status === 'running') return timer;
  return { status: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs };
}

/** One more minute; a timer that already ran out gets one minute from now. */
export function addMinute(timer: TimerState, now: number): TimerState {
  const left = Math.min(MAX_TIMER_MS, remainingMs(timer, now) + MINUTE_MS);
  const durationMs = Math.min(MAX_TIMER_MS, timer.durationMs + MINUTE_MS);
  return timer.status === 'paused'
    ? { status: 'paused', remainingMs: left, durationMs }
    : { status: 'running', endsAt: now + left, durationMs };
}

/** `mm:ss` of the remaining time, rounded up: a timer shows 05:00 when started and 00:00 only at the end. */
export function formatTimer(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
