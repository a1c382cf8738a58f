/**
 * This browser's estimate of the server's clock: `Date.now()` plus an offset measured against
 * `GET /api/time` (the sample with the shortest round trip, its answer taken as of the trip's middle).
 * Timers are stamped with the server's clock, so every screen shows the same time left whatever its own
 * clock says.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function serverClockOffset(): number {
  return offsetMs;
}

export function subscribeServerClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SAMPLES = 3;

/** Measures the offset again (on opening a board and after each reconnect). */
export async function measureServerClock(): Promise<void> {
  let best: { rtt: number; offset: number } | undefined;
  for (let i = 0; i < SAMPLES; i++) {
    const sentAt = Date.now();
    const started = performance.now();
    let now: unknown;
    try {
      const response = await fetch('/api/time', { cache: 'no-store' });
      if (!response.ok) return;
      now = ((await response.json()) as { now?: unknown }).now;
    } catch {
      return;
    }
    const rtt = performance.now() - started;
    if (typeof now !== 'number' || !Number.isFinite(now)) return;
    const offset = now - (sentAt + rtt / 2);
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  if (!best) return;
  offsetMs = Math.round(best.offset);
  for (const listener of listeners) listener();
}
