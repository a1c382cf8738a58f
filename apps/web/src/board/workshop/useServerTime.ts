import { useEffect, useState, useSyncExternalStore } from 'react';
import { serverClockOffset, serverNow, subscribeServerClock } from './serverClock.ts';

/**
 * The server's "now", re-read every `everyMs` while `active` (and whenever the measured offset changes),
 * so a countdown renders each second on every screen at the same moment.
 */
export function useServerTime(active: boolean, everyMs = 200): number {
  const offset = useSyncExternalStore(subscribeServerClock, serverClockOffset);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const read = () => setNow(Date.now() + offset);
    read();
    if (!active) return;
    const interval = setInterval(read, everyMs);
    return () => clearInterval(interval);
  }, [active, everyMs, offset]);
  return now;
}
