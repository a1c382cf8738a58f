import type * as Y from 'yjs';
import { isRecord, readPoint } from '../doc/validate.ts';
import type { PresenceViewport } from '../presence/presence.ts';
import { isParticipantId } from './participant.ts';
import { isWorkshopPhase, type WorkshopPhase } from './phases.ts';
import { readSilentWriting, SILENT_WRITING_OFF, type SilentWritingState } from './silent-writing.ts';
import { MAX_TIMER_MS, type TimerState } from './timer.ts';
import { readVotingState, type VotingState } from './voting.ts';

/**
 * The workshop's shared state: a root `Y.Map` named `workshop` in the board's document, one plain JSON
 * value per key, replaced whole. Only the server writes it (clients ask through the workshop API and the
 * server drops any sync update touching it), so everyone reads the same authoritative state; still,
 * every read is validated, like everything read from a shared document.
 */
export const WORKSHOP_ROOT = 'workshop';

export interface PhaseEntry {
  readonly phase: WorkshopPhase;
  /** Server time the phase started. */
  readonly startedAt: number;
}

export interface FacilitatorGrant {
  readonly name: string;
  /** The participant id of the facilitator who granted it, or `owner` for the owner key's holder. */
  readonly grantedBy: string;
  readonly at: number;
}

export interface ParticipantRecord {
  readonly name: string;
  readonly firstSeen: number;
}

/** "Bring everyone here": each new `seq` makes every other participant follow `by`. */
export interface Summon {
  readonly seq: number;
  readonly by: string;
  readonly name: string;
  readonly viewport: PresenceViewport;
  readonly at: number;
}

export interface WorkshopState {
  /** Every phase the workshop went through, oldest first; the last one is the current phase. */
  readonly phases: readonly PhaseEntry[];
  readonly timer: TimerState | null;
  readonly facilitators: Readonly<Record<string, FacilitatorGrant>>;
  readonly participants: Readonly<Record<string, ParticipantRecord>>;
  readonly summon: Summon | null;
  readonly silentWriting: SilentWritingState;
  /** The latest dot-voting round, open or closed; null before the first. */
  readonly voting: VotingState | null;
}

/** A set of changes to the workshop map: each key present is replaced (`null` removes it). */
export type WorkshopChanges = { readonly [K in keyof WorkshopState]?: WorkshopState[K] | null };

export const EMPTY_WORKSHOP: WorkshopState = {
  phases: [],
  timer: null,
  facilitators: {},
  participants: {},
  summon: null,
  silentWriting: SILENT_WRITING_OFF,
  voting: null,
};

export const MAX_PHASE_HISTORY = 500;
export const MAX_PARTICIPANTS = 500;
const MAX_NAME = 40;

function time(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function name(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_NAME) : '';
}

function readPhases(value: unknown): PhaseEntry[] {
  if (!Array.isArray(value)) return [];
  const phases: PhaseEntry[] = [];
  for (const entry of value.slice(-MAX_PHASE_HISTORY)) {
    if (!isRecord(entry) || !isWorkshopPhase(entry.phase)) continue;
    const startedAt = time(entry.startedAt);
    if (startedAt !== undefined) phases.push({ phase: entry.phase, startedAt });
  }
  return phases;
}

function duration(value: unknown): number | undefined {
  const ms = time(value);
  return ms !== undefined && ms <= MAX_TIMER_MS ? ms : undefined;
}

function readTimer(value: unknown): TimerState | null {
  if (!isRecord(value)) return null;
  const durationMs = duration(value.durationMs);
  if (durationMs === undefined) return null;
  if (value.status === 'running') {
    const endsAt = time(value.endsAt);
    return endsAt === undefined ? null : { status: 'running', endsAt, durationMs };
  }
  if (value.status === 'paused') {
    const remainingMs = duration(value.remainingMs);
    return remainingMs === undefined ? null : { status: 'paused', remainingMs, durationMs };
  }
  return null;
}

function readById<T>(
  value: unknown,
  read: (entry: Record<string, unknown>) => T | undefined,
): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [id, entry] of Object.entries(value).slice(0, MAX_PARTICIPANTS)) {
    if (!isParticipantId(id) || !isRecord(entry)) continue;
    const read_ = read(entry);
    if (read_ !== undefined) out[id] = read_;
  }
  return out;
}

function readFacilitator(entry: Record<string, unknown>): FacilitatorGrant | undefined {
  const at = time(entry.at);
  if (at === undefined || typeof entry.grantedBy !== 'string') return undefined;
  return { name: name(entry.name), grantedBy: entry.grantedBy.slice(0, 22), at };
}

function readParticipant(entry: Record<string, unknown>): ParticipantRecord | undefined {
  const firstSeen = time(entry.firstSeen);
  return firstSeen === undefined ? undefined : { name: name(entry.name), firstSeen };
}

function readSummon(value: unknown): Summon | null {
  if (!isRecord(value) || !isParticipantId(value.by) || !isRecord(value.viewport)) return null;
  const seq = time(value.seq);
  const at = time(value.at);
  if (seq === undefined || at === undefined) return null;
  const zoom = value.viewport.zoom;
  return {
    seq,
    by: value.by,
    name: name(value.name),
    viewport: {
      ...readPoint(value.viewport),
      zoom: typeof zoom === 'number' && zoom > 0 && zoom <= 10 ? zoom : 1,
    },
    at,
  };
}

/** The workshop state held in a plain record (the `workshop` map's JSON), validated. */
export function readWorkshopRecord(record: Readonly<Record<string, unknown>>): WorkshopState {
  return {
    phases: readPhases(record.phases),
    timer: readTimer(record.timer),
    facilitators: readById(record.facilitators, readFacilitator),
    participants: readById(record.participants, readParticipant),
    summon: readSummon(record.summon),
    silentWriting: readSilentWriting(record.silentWriting),
    voting: readVotingState(record.voting),
  };
}

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(WORKSHOP_ROOT);
}

/** The workshop state of a board document. */
export function readWorkshop(doc: Y.Doc): WorkshopState {
  return readWorkshopRecord(workshopMap(doc).toJSON());
}

/** Writes changes in one transaction (the server does this; clients never write the workshop map). */
export function writeWorkshopChanges(doc: Y.Doc, changes: WorkshopChanges, origin: unknown): void {
  const map = workshopMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) map.delete(key);
      else if (value !== undefined) map.set(key, value);
    }
  }, origin);
}

/** The current phase (the last one started), if the workshop has one. */
export function currentPhase(state: WorkshopState): WorkshopPhase | undefined {
  return state.phases.at(-1)?.phase;
}
