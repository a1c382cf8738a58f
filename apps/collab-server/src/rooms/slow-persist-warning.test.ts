import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logger.ts';
import { SlowPersistWarning } from './slow-persist-warning.ts';

function recordingLog(): { log: Logger; lines: Array<{ fields: Record<string, unknown>; msg: string }> } {
  const lines: Array<{ fields: Record<string, unknown>; msg: string }> = [];
  const log = { warn: (fields: Record<string, unknown>, msg: string) => lines.push({ fields, msg }) };
  return { log: log as unknown as Logger, lines };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('slow persist warning', () => {
  it('logs the first slow append at once and sums up the rest of the window in one line', () => {
    vi.useFakeTimers();
    const { log, lines } = recordingLog();
    const warning = new SlowPersistWarning(log, 10_000);
    warning.observe('fast', 40);
    expect(lines).toEqual([]);
    warning.observe('a', 150);
    expect(lines).toEqual([{ fields: { board: 'a', ms: 150 }, msg: 'slow persist' }]);
    for (let i = 0; i < 500; i++) warning.observe(`b${i}`, 101 + (i % 7));
    warning.observe('slowest', 900.4);
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.fields).toEqual({
      count: 501,
      withinSeconds: 10,
      slowestBoard: 'slowest',
      slowestMs: 900,
    });
  });

  it('is quiet after a window without slow appends, and logs the next one at once', () => {
    vi.useFakeTimers();
    const { log, lines } = recordingLog();
    const warning = new SlowPersistWarning(log, 10_000);
    warning.observe('a', 200);
    warning.observe('b', 200);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(30_000);
    expect(lines).toHaveLength(2);
    warning.observe('c', 300);
    expect(lines.at(-1)).toEqual({ fields: { board: 'c', ms: 300 }, msg: 'slow persist' });
  });
});
