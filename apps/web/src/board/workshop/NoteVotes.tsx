import './rounds.css';
import { type ElementKind, votesOn } from '@squall/model';
import { memo } from 'react';
import { useStore } from 'zustand';
import { myParticipantId } from '../../api/participant.ts';
import { useSession } from '../SessionContext.ts';
import { useBallot } from './useBallot.ts';

function Dots({ count, label }: { readonly count: number; readonly label: string }) {
  return (
    <span className="note__dots" role="img" aria-label={label}>
      {'●'.repeat(Math.min(count, 10))}
      {count > 10 && ` ${count}`}
    </span>
  );
}

/**
 * A note's dots. While a round is open: a "Vote" button (pressed once this person voted on the note;
 * each click is one more vote) and only their own dots. Once the round is closed: everyone's dots.
 */
export const NoteVotes = memo(function NoteVotes({
  id,
  kind,
}: {
  readonly id: string;
  readonly kind: ElementKind;
}) {
  const session = useSession();
  const voter = myParticipantId();
  // One subscription per note, answering a primitive: a board of thousands of notes stays cheap.
  const shown = useStore(session.votes, (state) => {
    const { voting, tally, sent } = state;
    if (!voting || !tally) return 'none';
    if (voting.status === 'closed') return `closed:${tally.byElement.get(id) ?? 0}`;
    if (!voting.kinds.includes(kind)) return 'none';
    const mine =
      sent?.round === voting.round ? sent.ballot.filter((on) => on === id).length : votesOn(tally, voter, id);
    return `open:${mine}`;
  });
  const [phase, count] = shown.split(':');
  const open = phase === 'open';
  const mine = open ? Number(count) : 0;
  const total = phase === 'closed' ? Number(count) : 0;
  const ballot = useBallot();
  if (open) {
    return (
      <div className="note__votes nodrag">
        <button
          type="button"
          className="note__vote"
          aria-pressed={mine > 0}
          title={mine > 0 ? 'Add one more vote' : 'Vote for this note'}
          onClick={(event) => {
            event.stopPropagation();
            ballot.vote(id);
          }}
        >
          Vote
        </button>
        {mine > 0 && (
          <>
            <Dots count={mine} label={mine === 1 ? 'Your vote: 1' : `Your votes: ${mine}`} />
            <button
              type="button"
              className="note__unvote"
              aria-label="Take back a vote"
              title="Take back a vote"
              onClick={(event) => {
                event.stopPropagation();
                ballot.unvote(id);
              }}
            >
              −
            </button>
          </>
        )}
      </div>
    );
  }
  if (total === 0) return null;
  return (
    <div className="note__votes note__votes--result">
      <Dots count={total} label={total === 1 ? '1 vote' : `${total} votes`} />
    </div>
  );
});
