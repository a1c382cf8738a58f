import { ballotWithoutVote, ballotWithVote, votesLeft } from '@squall/model';
import { useMemo } from 'react';
import { myParticipantId } from '../../api/participant.ts';
import { useSession } from '../SessionContext.ts';
import { showNotice } from '../uiStore.ts';
import { useWorkshopAct } from './useWorkshop.ts';

export interface Ballot {
  vote(elementId: string): void;
  /** Takes back the last vote on the note. */
  unvote(elementId: string): void;
}

/**
 * This participant's votes: each click sends their whole ballot to the server (`castBallot`), which
 * checks the allowance. A click before the last ballot shows in the document builds on that ballot.
 */
export function useBallot(): Ballot {
  const session = useSession();
  const voter = myParticipantId();
  const act = useWorkshopAct();
  return useMemo(() => {
    const current = () => {
      const { voting, tally, sent } = session.votes.getState();
      if (!voting || !tally || voting.status !== 'open') return undefined;
      const counted = sent && sent.round === voting.round ? sent.ballot : (tally.byVoter.get(voter) ?? []);
      return { voting, ballot: { ...tally, byVoter: new Map([[voter, counted]]) } };
    };
    const send = (round: number, ballot: string[]) => {
      const sent = { round, voter, ballot };
      session.votes.setState({ sent });
      // The server wrote and relayed the ballot before it answered: from here on the document has it.
      const settle = () => {
        if (session.votes.getState().sent === sent) session.votes.setState({ sent: null });
      };
      act({ type: 'castBallot', round, elements: ballot }).then(settle, settle);
    };
    return {
      vote(elementId) {
        const now = current();
        if (!now) return;
        if (votesLeft(now.ballot, voter, now.voting.votesPerPerson) === 0) {
          showNotice(session.ui, 'No votes left: take one back from another note first.');
          return;
        }
        send(now.voting.round, ballotWithVote(now.ballot, voter, elementId));
      },
      unvote(elementId) {
        const now = current();
        if (now) send(now.voting.round, ballotWithoutVote(now.ballot, voter, elementId));
      },
    };
  }, [session, voter, act]);
}
