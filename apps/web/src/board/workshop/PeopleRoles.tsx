import { type CSSProperties, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from '../SessionContext.ts';
import { useIsFacilitator, useWorkshop, useWorkshopAct } from './useWorkshop.ts';

/**
 * The facilitator's view of the people list: who leads, and "Make facilitator" / "Remove facilitator"
 * for everyone else here. Only facilitators see it; the server accepts the change only from them.
 */
export function PeopleRoles() {
  const session = useSession();
  const facilitator = useIsFacilitator();
  const facilitators = useWorkshop((state) => state.facilitators);
  const act = useWorkshopAct();
  // The list opens below its button, above everything (the toolbar around it scrolls and would clip it).
  const [open, setOpen] = useState<CSSProperties | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const people = useStore(
    session.peers,
    useShallow((state) =>
      [...state.peers.values()]
        .filter((peer) => peer.participant !== undefined)
        .map((peer) => `${peer.participant}\u0000${peer.user.name}`),
    ),
  );
  if (!facilitator) return null;
  // One row per participant (a person with two tabs open is one participant).
  const rows = [...new Map(people.map((entry) => entry.split('\u0000') as [string, string])).entries()];
  return (
    <div className="people-roles">
      <button
        ref={button}
        type="button"
        aria-expanded={open !== null}
        onClick={() => {
          const rect = button.current?.getBoundingClientRect();
          setOpen(open || !rect ? null : { top: rect.bottom + 4, left: rect.left });
        }}
      >
        Facilitators
      </button>
      {open && (
        <ul className="people-roles__list" aria-label="Participants" style={open}>
          {rows.length === 0 && <li className="people-roles__empty">Nobody else is here yet.</li>}
          {rows.map(([participantId, name]) => {
            const leads = Object.hasOwn(facilitators, participantId);
            return (
              <li key={participantId} aria-label={name}>
                <span className="people-roles__name">{name}</span>
                {leads && <span className="people-roles__badge">Facilitator</span>}
                {leads ? (
                  <button
                    type="button"
                    onClick={() => void act({ type: 'revokeFacilitator', participantId })}
                  >
                    Remove facilitator
                  </button>
                ) : (
                  <button
                    type="button"
                    onClick={() => void act({ type: 'grantFacilitator', participantId, name })}
                  >
                    Make facilitator
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
