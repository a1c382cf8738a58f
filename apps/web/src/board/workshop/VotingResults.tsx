import { KIND_INFO } from '@squall/model';
import { useStore } from 'zustand';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { useSession, useView } from '../SessionContext.ts';

/** After "Close voting": the notes ranked by their votes; a click brings a note to the middle of the screen. */
export function VotingResults() {
  const session = useSession();
  const ranking = useStore(session.votes, (state) => state.tally?.ranking);
  const elements = useView((state) => state.elements);
  const viewport = useViewportTools();
  const ranked = (ranking ?? []).flatMap((entry) => {
    const element = elements.get(entry.elementId);
    return element ? [{ element, votes: entry.votes }] : [];
  });
  return (
    <section className="workshop-results" aria-label="Voting results">
      <h4>Voting results</h4>
      {ranked.length === 0 ? (
        <p>No votes were cast.</p>
      ) : (
        <ol>
          {ranked.map(({ element, votes }) => (
            <li key={element.id}>
              <button type="button" onClick={() => viewport.focusElement(element.id)}>
                <span className="workshop-results__votes">{votes === 1 ? '1 vote' : `${votes} votes`}</span>{' '}
                {KIND_INFO[element.kind].label}: {element.text.trim() || '(no text)'}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
