import { useEffect } from 'react';
import { useStore } from 'zustand';
import { myParticipantId } from '../../api/participant.ts';
import { useSession } from '../SessionContext.ts';
import type { ConnectionStatus } from '../sync/boardConnection.ts';
import { measureServerClock } from './serverClock.ts';
import { useWorkshopAct } from './useWorkshop.ts';

interface WorkshopSyncProps {
  /** This browser holds the owner key. */
  readonly owner: boolean;
  readonly readOnly: boolean;
  readonly status: ConnectionStatus;
  readonly live: boolean;
}

/**
 * Keeps the workshop side of an open board in step (renders nothing): what this browser may do, the
 * server's clock (measured again after every reconnect), and the owner key's holder listed as a
 * facilitator so the others see who leads.
 */
export function WorkshopSync({ owner, readOnly, status, live }: WorkshopSyncProps) {
  const session = useSession();
  const act = useWorkshopAct();
  const listed = useStore(session.workshop.store, (store) =>
    Object.hasOwn(store.state.facilitators, myParticipantId()),
  );

  useEffect(() => {
    session.workshop.store.setState({ owner, readOnly });
  }, [session, owner, readOnly]);

  useEffect(() => {
    if (status === 'connected') void measureServerClock();
  }, [status]);

  const connected = status === 'connected';
  useEffect(() => {
    if (owner && !readOnly && live && connected && !listed) void act({ type: 'claimFacilitator' });
  }, [owner, readOnly, live, connected, listed, act]);
  return null;
}
