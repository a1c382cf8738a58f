import { memo } from 'react';
import type { ConnectionStatus } from '../sync/boardConnection.ts';

const WORDS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const DETAILS: Record<ConnectionStatus, string> = {
  connecting: 'Opening the connection to the Squall server.',
  connected: 'Every change is saved on the server and shared live.',
  reconnecting:
    'The server is unreachable; retrying with growing pauses. Your changes are kept in this browser.',
  offline: 'No network. Your changes are kept in this browser and sent when the network returns.',
};

/** Tells people whether their changes reach the others right now. */
export const ConnectionIndicator = memo(function ConnectionIndicator({
  status,
  live,
}: {
  readonly status: ConnectionStatus;
  /** False while the board is still loading. */
  readonly live: boolean;
}) {
  return (
    <span className={`status status--${status}`} role="status" title={DETAILS[status]}>
      {live || status !== 'connecting' ? WORDS[status] : 'Loading…'}
    </span>
  );
});
