import { describe, expect, it } from 'vitest';
import type { BoardElement, BoardSnapshot } from '../elements.ts';
import type { ElementKind } from '../kinds.ts';
import { EMPTY_WORKSHOP } from './state.ts';
import {
  ballotWithoutVote,
  ballotWithVote,
  countVotes,
  tallyVotes,
  votesLeft,
  votesOn,
} from './vote-tally.ts';
import type { VotingState } from './voting.ts';

const kinds = new Map<string, ElementKind>([
  ['h1', 'hotspot'],
  ['h2', 'hotspot'],
  ['o1', 'opportunity'],
  ['e1', 'domainEvent'],
]);
const kindOf = (id: string) => kinds.get(id);
const ANN = 'ann'.padEnd(22, 'a');
const BOB = 'bob'.padEnd(22, 'b');
const CY = 'cy'.padEnd(22, 'c');
const EVE = 'eve'.padEnd(22, 'e');

function voting(ballots: Record<string, string[]>, patch: Partial<VotingState> = {}): VotingState {
  return {
    round: 1,
    status: 'open',
    votesPerPerson: 3,
    kinds: ['hotspot', 'opportunity'],
    startedAt: 1,
    ballots,
    ...patch,
  };
}

describe('countVotes', () => {
  it('ranks notes by their votes, most first, ties by id', () => {
    const tally = countVotes(voting({ [ANN]: ['h2', 'h2'], [BOB]: ['o1', 'h1'], [CY]: ['h1'] }), kindOf);
    expect(tally.ranking).toEqual([
      { elementId: 'h1', votes: 2 },
      { elementId: 'h2', votes: 2 },
      { elementId: 'o1', votes: 1 },
    ]);
    expect(tally.byElement.get('h2')).toBe(2);
  });

  it('lets one person put all their votes on one note', () => {
    const tally = countVotes(voting({ [ANN]: ['h1', 'h1', 'h1'] }), kindOf);
    expect(tally.ranking).toEqual([{ elementId: 'h1', votes: 3 }]);
    expect(votesOn(tally, ANN, 'h1')).toBe(3);
    expect(votesLeft(tally, ANN, 3)).toBe(0);
  });

  it('counts at most the votes per person, whatever a forged ballot holds', () => {
    const tally = countVotes(voting({ [EVE]: Array(50).fill('h1'), [ANN]: ['h2'] }), kindOf);
    expect(tally.byElement.get('h1')).toBe(3);
    expect(tally.byVoter.get(EVE)).toEqual(['h1', 'h1', 'h1']);
    expect(tally.ranking[0]).toEqual({ elementId: 'h1', votes: 3 });
  });

  it('skips votes on notes that are gone or of a kind that cannot be voted on, before applying the limit', () => {
    const tally = countVotes(voting({ [ANN]: ['gone', 'e1', 'h1', 'h2', 'o1', 'h1'] }), kindOf);
    expect(tally.byVoter.get(ANN)).toEqual(['h1', 'h2', 'o1']);
    expect(votesLeft(tally, ANN, 3)).toBe(0);
  });

  it('counts votes on any kind the facilitator allowed', () => {
    const tally = countVotes(voting({ [ANN]: ['e1', 'h1'] }, { kinds: ['domainEvent'] }), kindOf);
    expect(tally.ranking).toEqual([{ elementId: 'e1', votes: 1 }]);
  });

  it('gives a vote on a deleted note back, and builds the next ballot from the counted votes', () => {
    const tally = countVotes(voting({ [ANN]: ['gone', 'h1', 'h1'] }), kindOf);
    expect(votesLeft(tally, ANN, 3)).toBe(1);
    expect(ballotWithVote(tally, ANN, 'h2')).toEqual(['h1', 'h1', 'h2']);
    expect(ballotWithoutVote(tally, ANN, 'h1')).toEqual(['h1']);
    expect(ballotWithoutVote(tally, ANN, 'o1')).toEqual(['h1', 'h1']);
    expect(votesLeft(tally, BOB, 3)).toBe(3);
  });
});

describe('tallyVotes', () => {
  const note = (id: string, kind: ElementKind) => ({ id, kind }) as unknown as BoardElement;
  const board = {
    schemaVersion: 1,
    level: 'bigPicture',
    elements: [note('h1', 'hotspot'), note('o1', 'opportunity')],
    connections: [],
  } as BoardSnapshot;

  it('ranks the notes of the board by their votes', () => {
    const state = { ...EMPTY_WORKSHOP, voting: voting({ [ANN]: ['o1', 'h1', 'o1'], [BOB]: ['gone'] }) };
    expect(tallyVotes(state, board)).toEqual([
      { elementId: 'o1', votes: 2 },
      { elementId: 'h1', votes: 1 },
    ]);
  });

  it('is empty before any voting', () => {
    expect(tallyVotes(EMPTY_WORKSHOP, board)).toEqual([]);
  });
});
