import { isRecord } from '../doc/validate.ts';
import { type ElementKind, isElementKind } from '../kinds.ts';
import { isParticipantId } from './participant.ts';

/**
 * A dot-voting round (the `voting` key of the workshop state): how many votes each person has, which
 * kinds of note can take them, whether it is open, and every participant's ballot. A ballot lists the
 * ids of the notes voted on, one entry per vote (several votes on one note repeat its id). Only the
 * server writes it, from the workshop actions in `voting-actions.ts`.
 */
export interface VotingState {
  /** Counts up with every "Start voting". */
  readonly round: number;
  readonly status: 'open' | 'closed';
  readonly votesPerPerson: number;
  readonly kinds: readonly ElementKind[];
  /** Server time the round started, and closed. */
  readonly startedAt: number;
  readonly closedAt?: number;
  /** Participant id → the notes they voted on, one entry per vote. */
  readonly ballots: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTES_PER_PERSON = 20;
/** Big Picture dot voting is on the problems and the ideas. */
export const DEFAULT_VOTING_KINDS: readonly ElementKind[] = ['hotspot', 'opportunity'];
const MAX_BALLOTS = 500;
const MAX_ELEMENT_ID_LENGTH = 64;

function time(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function clampVotesPerPerson(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value)
    ? Math.min(MAX_VOTES_PER_PERSON, Math.max(1, value))
    : DEFAULT_VOTES_PER_PERSON;
}

/** The kinds that can be voted on: known kinds, each once; the default when none is given. */
export function votingKinds(value: unknown): ElementKind[] {
  const kinds = Array.isArray(value) ? [...new Set(value.filter(isElementKind))] : [];
  return kinds.length > 0 ? kinds : [...DEFAULT_VOTING_KINDS];
}

export function isElementIdLike(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ELEMENT_ID_LENGTH;
}

function readBallots(value: unknown): Record<string, string[]> {
  const ballots: Record<string, string[]> = {};
  if (!isRecord(value)) return ballots;
  for (const [voter, ballot] of Object.entries(value).slice(0, MAX_BALLOTS)) {
    // Entries past the allowance never count; they are not even kept in the read.
    if (isParticipantId(voter) && Array.isArray(ballot)) {
      ballots[voter] = ballot.filter(isElementIdLike).slice(0, MAX_VOTES_PER_PERSON);
    }
  }
  return ballots;
}

/** A voting round, validated; `null` when voting never started (or the value is not a round). */
export function readVotingState(value: unknown): VotingState | null {
  if (!isRecord(value)) return null;
  const { round, status } = value;
  const startedAt = time(value.startedAt);
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 1) return null;
  if ((status !== 'open' && status !== 'closed') || startedAt === undefined) return null;
  const closedAt = time(value.closedAt);
  return {
    round,
    status,
    votesPerPerson: clampVotesPerPerson(value.votesPerPerson),
    kinds: votingKinds(value.kinds),
    startedAt,
    ...(closedAt !== undefined && { closedAt }),
    ballots: readBallots(value.ballots),
  };
}
