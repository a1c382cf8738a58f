import { describe, expect, it } from 'vitest';
import type { WorkshopActor } from './action-types.ts';
import { applyWorkshopAction } from './actions.ts';
import { draftsDue, readDraftCount, readSilentWriting, SILENT_WRITING_OFF } from './silent-writing.ts';
import { EMPTY_WORKSHOP, readWorkshopRecord, type WorkshopState } from './state.ts';

const facilitator: WorkshopActor = {
  participantId: 'f'.repeat(22),
  name: 'Fay',
  owner: true,
  facilitator: true,
};
const ann: WorkshopActor = { participantId: 'a'.repeat(22), name: 'Ann', owner: false, facilitator: false };

function act(state: WorkshopState, body: Record<string, unknown>, actor = facilitator, now = 1000) {
  const outcome = applyWorkshopAction(state, body, actor, now);
  if (!outcome.ok) throw new Error(outcome.code);
  return readWorkshopRecord({ ...state, ...outcome.changes });
}

describe('silent writing actions', () => {
  it('reveals on "Reveal notes" and when turned off, never when turned on', () => {
    const on = act(EMPTY_WORKSHOP, { type: 'setSilentWriting', on: true }, facilitator, 500);
    expect(on.silentWriting).toEqual({ on: true, since: 500, reveals: 0 });
    const revealed = act(on, { type: 'revealNotes' });
    expect(revealed.silentWriting).toEqual({ on: true, since: 500, reveals: 1 });
    expect(act(revealed, { type: 'setSilentWriting', on: true }).silentWriting).toEqual(
      revealed.silentWriting,
    );
    expect(act(revealed, { type: 'setSilentWriting', on: false }).silentWriting).toEqual({
      on: false,
      since: 500,
      reveals: 2,
    });
  });

  it('is for facilitators only', () => {
    const outcome = applyWorkshopAction(EMPTY_WORKSHOP, { type: 'revealNotes' }, ann, 1);
    expect(outcome).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(
      applyWorkshopAction(EMPTY_WORKSHOP, { type: 'setSilentWriting', on: 'yes' }, facilitator, 1),
    ).toMatchObject({
      ok: false,
      code: 'invalid_action',
    });
  });
});

describe('drafts and reveals', () => {
  it('publishes the drafts written before the latest reveal, also after missing several', () => {
    const drafts = [
      { id: 'a', revealsSeen: 0 },
      { id: 'b', revealsSeen: 1 },
      { id: 'c', revealsSeen: 2 },
    ];
    expect(draftsDue(drafts, 0)).toEqual([]);
    expect(draftsDue(drafts, 1).map((d) => d.id)).toEqual(['a']);
    // Offline through two reveals: everything written before the last one goes out on return.
    expect(draftsDue(drafts, 3).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads the state and the shared draft counts defensively', () => {
    expect(readSilentWriting({ on: true, since: 9, reveals: 3 })).toEqual({ on: true, since: 9, reveals: 3 });
    expect(readSilentWriting({ on: 'yes', reveals: -2 })).toEqual(SILENT_WRITING_OFF);
    expect(readSilentWriting(undefined)).toEqual(SILENT_WRITING_OFF);
    expect(readDraftCount({ drafts: 4 })).toBe(4);
    expect(readDraftCount({ drafts: '4' })).toBe(0);
    expect(readDraftCount({ drafts: 1e12 })).toBe(10_000);
    expect(readDraftCount(null)).toBe(0);
  });
});
