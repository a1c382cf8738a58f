import {
  DEFAULT_VOTES_PER_PERSON,
  DEFAULT_VOTING_KINDS,
  ELEMENT_KINDS,
  type ElementKind,
  KIND_INFO,
  MAX_VOTES_PER_PERSON,
  votesLeft,
} from '@squall/model';
import { useState } from 'react';
import { useStore } from 'zustand';
import { myParticipantId } from '../../api/participant.ts';
import { useSession } from '../SessionContext.ts';
import { useIsFacilitator, useWorkshopAct } from './useWorkshop.ts';
import { VotingResults } from './VotingResults.tsx';

/** Dot voting: the facilitator starts a round (votes per person, what can be voted on) and closes it. */
export function VotingControls() {
  const session = useSession();
  const facilitator = useIsFacilitator();
  const act = useWorkshopAct();
  const voter = myParticipantId();
  const voting = useStore(session.votes, (state) => state.voting);
  const left = useStore(session.votes, (state) => {
    if (!state.voting || !state.tally) return 0;
    const sent = state.sent?.round === state.voting.round ? state.sent.ballot.length : undefined;
    return sent !== undefined
      ? state.voting.votesPerPerson - sent
      : votesLeft(state.tally, voter, state.voting.votesPerPerson);
  });
  // How many have voted, never on what: the facilitator sees when the room is done.
  const voters = useStore(session.votes, (state) => state.tally?.byVoter.size ?? 0);
  const [perPerson, setPerPerson] = useState(DEFAULT_VOTES_PER_PERSON);
  const [kinds, setKinds] = useState<ReadonlySet<ElementKind>>(new Set(DEFAULT_VOTING_KINDS));
  const open = voting?.status === 'open';
  if (!facilitator && !voting) return null;
  return (
    <section className="workshop-voting" aria-label="Dot voting">
      <h3>Dot voting</h3>
      {open && (
        <p role="status" className="workshop__hint">
          Voting on {voting.kinds.map((kind) => KIND_INFO[kind].label.toLowerCase()).join(', ')}:{' '}
          {left === 1 ? '1 vote left' : `${left} votes left`} of {voting.votesPerPerson}. Others' votes show
          when voting closes.
        </p>
      )}
      {open && (
        <p className="workshop__hint">
          {voters === 1 ? '1 person has voted' : `${voters} people have voted`}
        </p>
      )}
      {facilitator && open && (
        <button type="button" onClick={() => void act({ type: 'closeVoting' })}>
          Close voting
        </button>
      )}
      {facilitator && !open && (
        <form
          className="workshop-voting__setup"
          onSubmit={(event) => {
            event.preventDefault();
            void act({ type: 'startVoting', votesPerPerson: perPerson, kinds: [...kinds] });
          }}
        >
          <label>
            Votes per person
            <input
              type="number"
              min={1}
              max={MAX_VOTES_PER_PERSON}
              value={perPerson}
              onChange={(event) => setPerPerson(Number(event.target.value) || DEFAULT_VOTES_PER_PERSON)}
            />
          </label>
          <fieldset>
            <legend>Can be voted on</legend>
            {ELEMENT_KINDS.map((kind) => (
              <label key={kind} className="workshop-voting__kind">
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={(event) => {
                    const next = new Set(kinds);
                    if (event.target.checked) next.add(kind);
                    else next.delete(kind);
                    setKinds(next);
                  }}
                />
                {KIND_INFO[kind].label}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={kinds.size === 0}>
            Start voting
          </button>
        </form>
      )}
      {voting?.status === 'closed' && <VotingResults />}
    </section>
  );
}
