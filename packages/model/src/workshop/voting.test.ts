import { describe, expect, it } from 'vitest';
import type { WorkshopActor } from './action-types.ts';
import { applyWorkshopAction } from './actions.ts';
import { EMPTY_WORKSHOP, readWorkshopRecord, type WorkshopState } from './state.ts';
import { DEFAULT_VOTING_KINDS, MAX_VOTES_PER_PERSON, readVotingState } from './voting.ts';

const facilitator: WorkshopActor = {
  participantId: 'f'.repeat(22),
  name: 'Fay',
  owner: true,
  facilitator: true,
};
const ann: WorkshopActor = { participantId: 'a'.repeat(22), name: 'Ann', owner: false, facilitator: false };

function act(state: WorkshopState, body: Record<string, unknown>, actor: WorkshopActor, now = 1000) {
  const outcome = applyWorkshopAction(state, body, actor, now);
  if (!outcome.ok) return { state, refused: outcome.code };
  return { state: readWorkshopRecord({ ...state, ...outcome.changes }), refused: undefined };
}

describe('voting actions', () => {
  it('starts a round with the defaults, takes ballots, closes', () => {
    let { state } = act(EMPTY_WORKSHOP, { type: 'startVoting' }, facilitator);
    expect(state.voting).toEqual({
      round: 1,
      status: 'open',
      votesPerPerson: 3,
      kinds: DEFAULT_VOTING_KINDS,
      startedAt: 1000,
      ballots: {},
    });
    ({ state } = act(state, { type: 'castBallot', round: 1, elements: ['h1', 'h1'] }, ann));
    expect(state.voting?.ballots).toEqual({ [ann.participantId]: ['h1', 'h1'] });
    ({ state } = act(state, { type: 'closeVoting' }, facilitator, 2000));
    expect(state.voting).toMatchObject({ status: 'closed', closedAt: 2000 });
    expect(act(state, { type: 'castBallot', round: 1, elements: ['h2'] }, ann).refused).toBe('voting_closed');
  });

  it('starts a new round with empty ballots and the facilitator’s settings', () => {
    let { state } = act(EMPTY_WORKSHOP, { type: 'startVoting' }, facilitator);
    ({ state } = act(state, { type: 'castBallot', elements: ['h1'] }, ann));
    ({ state } = act(state, { type: 'startVoting', votesPerPerson: 5, kinds: ['domainEvent'] }, facilitator));
    expect(state.voting).toMatchObject({ round: 2, votesPerPerson: 5, kinds: ['domainEvent'], ballots: {} });
    // A ballot meant for the last round is not counted in this one.
    expect(act(state, { type: 'castBallot', round: 1, elements: ['h1'] }, ann).refused).toBe(
      'voting_round_changed',
    );
  });

  it('refuses a ballot over the allowance, and anything but note ids', () => {
    const { state } = act(EMPTY_WORKSHOP, { type: 'startVoting', votesPerPerson: 2 }, facilitator);
    expect(act(state, { type: 'castBallot', elements: ['a', 'b', 'c'] }, ann).refused).toBe(
      'over_vote_limit',
    );
    expect(act(state, { type: 'castBallot', elements: 'a' }, ann).refused).toBe('invalid_action');
    expect(act(state, { type: 'castBallot', elements: [{}] }, ann).refused).toBe('invalid_action');
  });

  it('lets only facilitators start and close voting, and anyone vote for themselves only', () => {
    expect(act(EMPTY_WORKSHOP, { type: 'startVoting' }, ann).refused).toBe('not_facilitator');
    const { state } = act(EMPTY_WORKSHOP, { type: 'startVoting' }, facilitator);
    expect(act(state, { type: 'closeVoting' }, ann).refused).toBe('not_facilitator');
    const voted = act(state, { type: 'castBallot', elements: ['h1'], voter: 'b'.repeat(22) }, ann).state;
    expect(Object.keys(voted.voting?.ballots ?? {})).toEqual([ann.participantId]);
    // An empty ballot takes every vote back.
    expect(act(voted, { type: 'castBallot', elements: [] }, ann).state.voting?.ballots).toEqual({});
  });
});

describe('readVotingState', () => {
  it('repairs what a garbled document may hold', () => {
    expect(
      readVotingState({
        round: 2,
        status: 'closed',
        votesPerPerson: 1e9,
        kinds: ['hotspot', 'hotspot', 'nope'],
        startedAt: 5,
        ballots: { [ann.participantId]: ['h1', 7, 'x'.repeat(200)], 'not an id': ['h1'] },
      }),
    ).toEqual({
      round: 2,
      status: 'closed',
      votesPerPerson: MAX_VOTES_PER_PERSON,
      kinds: ['hotspot'],
      startedAt: 5,
      ballots: { [ann.participantId]: ['h1'] },
    });
    expect(readVotingState({ round: 1, status: 'open', startedAt: 1, kinds: 'all' })?.kinds).toEqual(
      DEFAULT_VOTING_KINDS,
    );
    expect(readVotingState({ round: 0, status: 'open', startedAt: 1 })).toBeNull();
    expect(readVotingState({ round: 1, status: 'paused', startedAt: 1 })).toBeNull();
    expect(readVotingState(null)).toBeNull();
  });
});
