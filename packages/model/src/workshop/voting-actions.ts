import { changed, refused, type WorkshopActionHandler } from './action-types.ts';
import { clampVotesPerPerson, isElementIdLike, votingKinds } from './voting.ts';

export const VOTING_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  /** `{ votesPerPerson, kinds }`: a new round with empty ballots (the last round's results are replaced). */
  startVoting: {
    facilitatorOnly: true,
    apply(state, body, _actor, now) {
      return changed({
        voting: {
          round: (state.voting?.round ?? 0) + 1,
          status: 'open',
          votesPerPerson: clampVotesPerPerson(body.votesPerPerson),
          kinds: votingKinds(body.kinds),
          startedAt: now,
          ballots: {},
        },
      });
    },
  },
  closeVoting: {
    facilitatorOnly: true,
    apply(state, _body, _actor, now) {
      if (state.voting?.status !== 'open') return refused(409, 'voting_closed', 'No voting round is open.');
      return changed({ voting: { ...state.voting, status: 'closed', closedAt: now } });
    },
  },
  /**
   * `{ round, elements }`: the asking participant's whole ballot (one entry per vote). Anyone who may
   * edit the board votes; only their own ballot, never longer than the allowance, only while open.
   */
  castBallot: {
    facilitatorOnly: false,
    apply(state, body, actor) {
      const voting = state.voting;
      if (voting?.status !== 'open') return refused(409, 'voting_closed', 'Voting is closed.');
      if (body.round !== undefined && body.round !== voting.round) {
        return refused(409, 'voting_round_changed', 'A new voting round started: vote again.');
      }
      const elements = body.elements;
      if (!Array.isArray(elements) || !elements.every(isElementIdLike)) {
        return refused(400, 'invalid_action', '"elements" must be a list of note ids');
      }
      if (elements.length > voting.votesPerPerson) {
        return refused(
          409,
          'over_vote_limit',
          `Each person has ${voting.votesPerPerson} ${voting.votesPerPerson === 1 ? 'vote' : 'votes'}.`,
        );
      }
      const ballots = { ...voting.ballots };
      if (elements.length === 0) delete ballots[actor.participantId];
      else ballots[actor.participantId] = [...elements];
      return changed({ voting: { ...voting, ballots } });
    },
  },
};
