import { useSession } from '../SessionContext.ts';
import { publishDrafts } from './drafts.ts';
import { useDraftCounts } from './useDraftCounts.ts';
import { useDraftIds } from './useDraftIds.ts';
import { useIsFacilitator, useWorkshop, useWorkshopAct } from './useWorkshop.ts';

function notes(count: number): string {
  return count === 1 ? '1 note' : `${count} notes`;
}

/**
 * Silent writing: the facilitator's switch and "Reveal notes"; for everyone, who holds how many drafts,
 * and for an author, "Publish my notes".
 */
export function SilentWritingControls() {
  const session = useSession();
  const facilitator = useIsFacilitator();
  const act = useWorkshopAct();
  const on = useWorkshop((state) => state.silentWriting.on);
  const counts = useDraftCounts(session.awareness);
  const myDrafts = useDraftIds(session.drafts);
  if (!facilitator && !on && counts.length === 0 && myDrafts.length === 0) return null;
  return (
    <section className="workshop-silent" aria-label="Silent writing">
      <h3>Silent writing</h3>
      {facilitator && (
        <p className="workshop__row">
          <button
            type="button"
            aria-pressed={on}
            onClick={() => void act({ type: 'setSilentWriting', on: !on })}
            title={on ? 'Turn silent writing off (reveals every draft)' : 'New notes stay private drafts'}
          >
            Silent writing
          </button>
          <button type="button" onClick={() => void act({ type: 'revealNotes' })}>
            Reveal notes
          </button>
        </p>
      )}
      {on && (
        <p role="status" className="workshop__hint">
          Silent writing: your new notes are drafts only you can see, until they are revealed.
        </p>
      )}
      {counts.length > 0 && (
        <ul className="workshop-silent__counts" aria-label="Drafts held">
          {counts.map((entry) => (
            <li key={entry.clientId}>
              {entry.name}
              {entry.me ? ' (you)' : ''}: {notes(entry.count)}
            </li>
          ))}
        </ul>
      )}
      {myDrafts.length > 0 && (
        <button type="button" onClick={() => publishDrafts(session.doc, session.drafts, myDrafts)}>
          Publish my notes
        </button>
      )}
    </section>
  );
}
