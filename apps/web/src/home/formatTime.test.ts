import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './formatTime.ts';

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  it('says how long ago in words', () => {
    expect(formatRelativeTime('2026-01-10T11:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-01-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-01-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-01-07T12:00:00Z', now)).toBe('3 days ago');
  });
  it('copes with missing or broken times', () => {
    expect(formatRelativeTime(undefined, now)).toBe('never');
    expect(formatRelativeTime('not a date', now)).toBe('unknown');
  });
});
