import type { BoardSnapshot } from '../elements.ts';
import type { ElementKind } from '../kinds.ts';
import type { WorkshopState } from './state.ts';
import type { VotingState } from './voting.ts';

export interface VoteResult {
  readonly elementId: string;
  readonly votes: number;
}

export interface VoteTally {
  /** Notes with at least one counted vote: most votes first, ties by id (the same order everywhere). */
  readonly ranking: readonly VoteResult[];
  /** Counted votes per note. */
  readonly byElement: ReadonlyMap<string, number>;
  /** Each participant's counted votes, in ballot order (a note's id once per vote). */
  readonly byVoter: ReadonlyMap<string, readonly string[]>;
}

/**
 * Counts a voting round. A ballot entry counts when it is on a note that exists and is of a kind that
 * can be voted on, and only the first `votesPerPerson` such entries of each ballot count: whatever a
 * modified client or a garbled document holds, nobody gets more than their allowance.
 */
export function countVotes(
  voting: Pick<VotingState, 'votesPerPerson' | 'kinds' | 'ballots'>,
  kindOf: (elementId: string) => ElementKind | undefined,
): VoteTally {
  const byVoter = new Map<string, string[]>();
  const byElement = new Map<string, number>();
  for (const [voter, ballot] of Object.entries(voting.ballots)) {
    const counted: string[] = [];
    for (const elementId of ballot) {
      if (counted.length >= voting.votesPerPerson) break;
      const kind = kindOf(elementId);
      if (kind === undefined || !voting.kinds.includes(kind)) continue;
      counted.push(elementId);
      byElement.set(elementId, (byElement.get(elementId) ?? 0) + 1);
    }
    if (counted.length > 0) byVoter.set(voter, counted);
  }
  const ranking = [...byElement]
    .map(([elementId, votes]) => ({ elementId, votes }))
    .sort(
      (a, b) => b.votes - a.votes || (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0),
    );
  return { ranking, byElement, byVoter };
}

/** The results of the workshop's (latest) voting round on a board, most votes first. */
export function tallyVotes(state: WorkshopState, board: BoardSnapshot): VoteResult[] {
  if (!state.voting) return [];
  const kinds = new Map(board.elements.map((element) => [element.id, element.kind]));
  return [...countVotes(state.voting, (id) => kinds.get(id)).ranking];
}

/** How many of their votes `voter` has not spent (or spent on notes that no longer count). */
export function votesLeft(tally: VoteTally, voter: string, votesPerPerson: number): number {
  return Math.max(0, votesPerPerson - (tally.byVoter.get(voter)?.length ?? 0));
}

/** How many counted votes `voter` put on `elementId`. */
export function votesOn(tally: VoteTally, voter: string, elementId: string): number {
  return tally.byVoter.get(voter)?.filter((id) => id === elementId).length ?? 0;
}

/** The ballot after one more vote on `elementId`: the counted votes plus it (votes that no longer count drop out). */
export function ballotWithVote(tally: VoteTally, voter: string, elementId: string): string[] {
  return [...(tally.byVoter.get(voter) ?? []), elementId];
}

/** The ballot after taking one vote back from `elementId` (the last one cast on it). */
export function ballotWithoutVote(tally: VoteTally, voter: string, elementId: string): string[] {
  const ballot = [...(tally.byVoter.get(voter) ?? [])];
  const at = ballot.lastIndexOf(elementId);
  if (at >= 0) ballot.splice(at, 1);
  return ballot;
}
