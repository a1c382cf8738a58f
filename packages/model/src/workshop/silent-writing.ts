import { isRecord } from '../doc/validate.ts';

/**
 * Silent writing (private mode), the `silentWriting` key of the workshop state. While `on`, the notes
 * a participant creates are drafts: they stay in that participant's browser, never in the shared
 * document, so nobody else receives their text. `reveals` counts the facilitators' reveals: each
 * author's browser publishes the drafts it wrote before the latest reveal, in one transaction, also
 * when it was offline at the time and learns of the reveal on its return.
 */
export interface SilentWritingState {
  readonly on: boolean;
  /** Server time it was last turned on (0 when never). */
  readonly since: number;
  readonly reveals: number;
}

export const SILENT_WRITING_OFF: SilentWritingState = { on: false, since: 0, reveals: 0 };

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function readSilentWriting(value: unknown): SilentWritingState {
  if (!isRecord(value)) return SILENT_WRITING_OFF;
  const since =
    typeof value.since === 'number' && Number.isFinite(value.since) && value.since > 0 ? value.since : 0;
  return { on: value.on === true, since, reveals: count(value.reveals) };
}

/** The facilitator's switch. Turning silent writing off reveals every draft, as the end of a round does. */
export function switchSilentWriting(state: SilentWritingState, on: boolean, now: number): SilentWritingState {
  if (on === state.on) return state;
  return on
    ? { on: true, since: now, reveals: state.reveals }
    : { ...state, on: false, reveals: state.reveals + 1 };
}

/** The facilitator's "Reveal notes": publishes everyone's drafts; silent writing stays as it is. */
export function revealDrafts(state: SilentWritingState): SilentWritingState {
  return { ...state, reveals: state.reveals + 1 };
}

/** A draft remembers how many reveals its author knew of when writing it. */
export interface DraftStamp {
  readonly id: string;
  readonly revealsSeen: number;
}

/** The drafts a reveal has published: those written before the board's latest reveal. */
export function draftsDue<T extends DraftStamp>(drafts: Iterable<T>, reveals: number): T[] {
  return [...drafts].filter((draft) => draft.revealsSeen < reveals);
}

/** What a participant shares in awareness about their drafts: how many they hold, never what they say. */
export function readDraftCount(awarenessState: unknown): number {
  if (!isRecord(awarenessState)) return 0;
  return Math.min(count(awarenessState.drafts), 10_000);
}
