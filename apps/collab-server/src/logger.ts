import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout (pino), one line per event worth knowing about. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'collab-server' } });
}
