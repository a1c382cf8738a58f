import { describe, expect, it } from 'vitest';
import {
  addMinute,
  formatTimer,
  isTimeUp,
  MAX_TIMER_MS,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
} from './timer.ts';

const T0 = 1_700_000_000_000;

describe('timer arithmetic', () => {
  it('counts down from the start on the server clock', () => {
    const timer = startTimer(5, T0);
    expect(timer).toEqual({ status: 'running', endsAt: T0 + 300_000, durationMs: 300_000 });
    expect(remainingMs(timer, T0 + 61_500)).toBe(238_500);
    expect(remainingMs(timer, T0 + 400_000)).toBe(0);
    expect(isTimeUp(timer, T0 + 299_999)).toBe(false);
    expect(isTimeUp(timer, T0 + 300_000)).toBe(true);
  });

  it('keeps the remainder while paused and continues from it', () => {
    const paused = pauseTimer(startTimer(2, T0), T0 + 30_000);
    expect(paused).toEqual({ status: 'paused', remainingMs: 90_000, durationMs: 120_000 });
    // Time passing does not change a paused timer.
    expect(remainingMs(paused, T0 + 999_999)).toBe(90_000);
    expect(isTimeUp(paused, T0 + 999_999)).toBe(false);
    const resumed = resumeTimer(paused, T0 + 500_000);
    expect(remainingMs(resumed, T0 + 510_000)).toBe(80_000);
    expect(pauseTimer(paused, T0)).toBe(paused);
    expect(resumeTimer(resumed, T0)).toBe(resumed);
  });

  it('adds a minute to what is left, or a minute from now once time is up', () => {
    const timer = startTimer(1, T0);
    expect(remainingMs(addMinute(timer, T0 + 20_000), T0 + 20_000)).toBe(100_000);
    const late = addMinute(timer, T0 + 600_000);
    expect(remainingMs(late, T0 + 600_000)).toBe(60_000);
    const paused = addMinute(pauseTimer(timer, T0 + 10_000), T0 + 20_000);
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 110_000, durationMs: 120_000 });
  });

  it('never goes past the longest timer', () => {
    expect(startTimer(10_000, T0).durationMs).toBe(MAX_TIMER_MS);
    const full = startTimer(MAX_TIMER_MS / 60_000, T0);
    expect(remainingMs(addMinute(full, T0), T0)).toBe(MAX_TIMER_MS);
  });

  it('formats mm:ss rounded up', () => {
    expect(formatTimer(300_000)).toBe('05:00');
    expect(formatTimer(299_001)).toBe('05:00');
    expect(formatTimer(299_000)).toBe('04:59');
    expect(formatTimer(59_999)).toBe('01:00');
    expect(formatTimer(1)).toBe('00:01');
    expect(formatTimer(0)).toBe('00:00');
    expect(formatTimer(-5)).toBe('00:00');
    expect(formatTimer(100 * 60_000)).toBe('100:00');
  });
});
