import { useEffect, useRef } from 'react';
import { myParticipantId } from '../../api/participant.ts';
import { useSession } from '../SessionContext.ts';
import { useWorkshop, useWorkshopAct } from './useWorkshop.ts';

/** "Bring everyone here" (facilitators): every other participant follows this user's view. */
export function BringEveryoneHereButton() {
  const session = useSession();
  const act = useWorkshopAct();
  return (
    <button
      type="button"
      title="Everyone else follows your view until they move themselves"
      onClick={() => {
        const viewport = session.awareness.getLocalState()?.viewport;
        if (viewport) void act({ type: 'summon', viewport });
      }}
    >
      Bring everyone here
    </button>
  );
}

/**
 * On each new "Bring everyone here", follows the facilitator who asked (the existing follow: it ends
 * when this user moves). A summons that was already there when the board opened is history, not a call.
 */
export function SummonFollower() {
  const session = useSession();
  const summon = useWorkshop((state) => state.summon);
  const seen = useRef(summon?.seq ?? 0);
  useEffect(() => {
    if (!summon || summon.seq <= seen.current) return;
    seen.current = summon.seq;
    if (summon.by === myParticipantId()) return;
    const peers = session.peers.getState().peers;
    const leader = [...peers.values()].find((peer) => peer.participant === summon.by);
    if (leader) session.ui.setState({ following: leader.clientId });
  }, [session, summon]);
  return null;
}
