import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WorkshopActor } from './action-types.ts';
import { applyWorkshopAction } from './actions.ts';
import { isFacilitator } from './facilitation.ts';
import { participantIdOf } from './participant.ts';
import {
  currentPhase,
  EMPTY_WORKSHOP,
  readWorkshop,
  type WorkshopState,
  workshopMap,
  writeWorkshopChanges,
} from './state.ts';
import { remainingMs } from './timer.ts';

const ownerId = participantIdOf('owner-secret-0123456789');
const bobId = participantIdOf('bob-secret-0123456789ab');
const owner: WorkshopActor = { participantId: ownerId, name: 'Olga', owner: true, facilitator: true };
const bob: WorkshopActor = { participantId: bobId, name: 'Bob', owner: false, facilitator: false };
const T0 = 1_700_000_000_000;

/** Applies actions one after the other through a real document, as the server does. */
function run(steps: Array<[WorkshopActor, Record<string, unknown>, number]>): {
  doc: Y.Doc;
  state: () => WorkshopState;
  outcomes: ReturnType<typeof applyWorkshopAction>[];
} {
  const doc = new Y.Doc();
  const outcomes = [];
  for (const [actor, body, now] of steps) {
    const state = readWorkshop(doc);
    const who = { ...actor, facilitator: isFacilitator(state, actor.participantId, actor.owner) };
    const outcome = applyWorkshopAction(state, body, who, now);
    if (outcome.ok) writeWorkshopChanges(doc, outcome.changes, 'server');
    outcomes.push(outcome);
  }
  return { doc, state: () => readWorkshop(doc), outcomes };
}

describe('workshop actions', () => {
  it('refuse facilitator actions from a participant until a facilitator makes them one', () => {
    const { state, outcomes } = run([
      [bob, { type: 'setPhase', phase: 'chaoticExploration' }, T0],
      [owner, { type: 'grantFacilitator', participantId: bobId, name: 'Bob' }, T0 + 1],
      [bob, { type: 'setPhase', phase: 'chaoticExploration' }, T0 + 2],
      [owner, { type: 'revokeFacilitator', participantId: bobId }, T0 + 3],
      [bob, { type: 'startTimer', minutes: 5 }, T0 + 4],
    ]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual([
      'not_facilitator',
      'ok',
      'ok',
      'ok',
      'not_facilitator',
    ]);
    expect(state().phases).toEqual([{ phase: 'chaoticExploration', startedAt: T0 + 2 }]);
    expect(state().timer).toBeNull();
    expect(state().facilitators).toEqual({});
  });

  it('let the owner claim facilitation once, and nobody else', () => {
    const { state, outcomes } = run([
      [owner, { type: 'claimFacilitator' }, T0],
      [owner, { type: 'claimFacilitator' }, T0 + 5],
      [{ ...bob, facilitator: true }, { type: 'claimFacilitator' }, T0],
    ]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'ok', 'not_facilitator']);
    expect(state().facilitators).toEqual({ [ownerId]: { name: 'Olga', grantedBy: 'owner', at: T0 } });
  });

  it('keep the phase history with start times, skipping a repeat of the current phase', () => {
    const { state } = run([
      [owner, { type: 'setPhase', phase: 'chaoticExploration' }, T0],
      [owner, { type: 'setPhase', phase: 'chaoticExploration' }, T0 + 10],
      [owner, { type: 'setPhase', phase: 'enforceTimeline' }, T0 + 600_000],
      [owner, { type: 'setPhase', phase: 'chaoticExploration' }, T0 + 900_000],
    ]);
    expect(state().phases).toEqual([
      { phase: 'chaoticExploration', startedAt: T0 },
      { phase: 'enforceTimeline', startedAt: T0 + 600_000 },
      { phase: 'chaoticExploration', startedAt: T0 + 900_000 },
    ]);
    expect(currentPhase(state())).toBe('chaoticExploration');
  });

  it('run the timer through start, pause, resume, extend and stop', () => {
    const { state, outcomes } = run([
      [owner, { type: 'startTimer', minutes: 5 }, T0],
      [owner, { type: 'pauseTimer' }, T0 + 60_000],
      [owner, { type: 'resumeTimer' }, T0 + 120_000],
      [owner, { type: 'addMinute' }, T0 + 180_000],
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // 5 min, paused after 1 for a minute, resumed, one more minute: 4 - 1 + 1 = 4 minutes left.
    expect(remainingMs(state().timer, T0 + 180_000)).toBe(240_000);
    const stopped = run([
      [owner, { type: 'startTimer', minutes: 1 }, T0],
      [owner, { type: 'stopTimer' }, T0 + 1],
      [owner, { type: 'pauseTimer' }, T0 + 2],
    ]);
    expect(stopped.state().timer).toBeNull();
    expect(stopped.outcomes.at(-1)).toMatchObject({ ok: false, code: 'no_timer' });
  });

  it('refuse malformed actions with a reason', () => {
    const { outcomes } = run([
      [owner, { type: 'nope' }, T0],
      [owner, { type: '__proto__' }, T0],
      [owner, { type: 'setPhase', phase: 'lunch' }, T0],
      [owner, { type: 'startTimer', minutes: -1 }, T0],
      [owner, { type: 'startTimer', minutes: '5' }, T0],
      [owner, { type: 'startTimer', minutes: 100_000 }, T0],
      [owner, { type: 'grantFacilitator', participantId: 'x' }, T0],
      [owner, { type: 'summon', viewport: { x: 1 } }, T0],
    ]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, status: 400 });
  });

  it('number each "bring everyone here"', () => {
    const viewport = { x: 10, y: -20, zoom: 1.5 };
    const { state } = run([
      [owner, { type: 'summon', viewport }, T0],
      [owner, { type: 'summon', viewport }, T0 + 1],
    ]);
    expect(state().summon).toEqual({ seq: 2, by: ownerId, name: 'Olga', viewport, at: T0 + 1 });
  });
});

describe('reading the workshop map', () => {
  it('reads an empty document as the empty workshop', () => {
    expect(readWorkshop(new Y.Doc())).toEqual(EMPTY_WORKSHOP);
  });

  it('ignores hostile values instead of failing', () => {
    const doc = new Y.Doc();
    const map = workshopMap(doc);
    map.set('phases', [{ phase: 'lunch', startedAt: 1 }, { phase: 'enforceTimeline', startedAt: -5 }, 7]);
    map.set('timer', { status: 'running', endsAt: 'soon', durationMs: 1 });
    map.set('facilitators', { notAnId: { at: 1, grantedBy: 'owner' }, [bobId]: { at: 2, grantedBy: 'x' } });
    map.set('summon', { seq: 1, by: bobId, at: 1, viewport: { x: 'a', y: 2, zoom: 99 } });
    const state = readWorkshop(doc);
    expect(state.phases).toEqual([]);
    expect(state.timer).toBeNull();
    expect(Object.keys(state.facilitators)).toEqual([bobId]);
    expect(state.summon?.viewport).toEqual({ x: 0, y: 2, zoom: 1 });
  });
});
