import { isRecord } from '../doc/validate.ts';
import { changed, refused, type WorkshopActionHandler } from './action-types.ts';
import { isParticipantId } from './participant.ts';
import type { WorkshopState } from './state.ts';

/** Facilitators: whoever holds the owner key, and whoever a facilitator made one. */
export function isFacilitator(state: WorkshopState, participantId: string, owner: boolean): boolean {
  return owner || Object.hasOwn(state.facilitators, participantId);
}

function nameOf(body: Readonly<Record<string, unknown>>): string {
  return typeof body.name === 'string' ? body.name.trim().slice(0, 40) : '';
}

export const FACILITATION_ACTIONS: Readonly<Record<string, WorkshopActionHandler>> = {
  /** The owner key's holder shows up as a facilitator to everyone (it is one by its key anyway). */
  claimFacilitator: {
    facilitatorOnly: true,
    apply(state, _body, actor, now) {
      if (!actor.owner) return refused(403, 'owner_only', 'only the owner key claims facilitation');
      if (Object.hasOwn(state.facilitators, actor.participantId)) return changed({});
      return changed({
        facilitators: {
          ...state.facilitators,
          [actor.participantId]: { name: actor.name, grantedBy: 'owner', at: now },
        },
      });
    },
  },
  grantFacilitator: {
    facilitatorOnly: true,
    apply(state, body, actor, now) {
      if (!isParticipantId(body.participantId)) {
        return refused(400, 'invalid_action', '"participantId" must be a participant id');
      }
      if (Object.hasOwn(state.facilitators, body.participantId)) return changed({});
      return changed({
        facilitators: {
          ...state.facilitators,
          [body.participantId]: { name: nameOf(body), grantedBy: actor.participantId, at: now },
        },
      });
    },
  },
  revokeFacilitator: {
    facilitatorOnly: true,
    apply(state, body) {
      if (!isParticipantId(body.participantId)) {
        return refused(400, 'invalid_action', '"participantId" must be a participant id');
      }
      const { [body.participantId]: _removed, ...rest } = state.facilitators;
      return changed({ facilitators: rest });
    },
  },
  /** "Bring everyone here": the others follow the facilitator's view. */
  summon: {
    facilitatorOnly: true,
    apply(state, body, actor, now) {
      const viewport = body.viewport;
      if (
        !isRecord(viewport) ||
        ![viewport.x, viewport.y, viewport.zoom].every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        return refused(400, 'invalid_action', '"viewport" must be {x, y, zoom}');
      }
      return changed({
        summon: {
          seq: (state.summon?.seq ?? 0) + 1,
          by: actor.participantId,
          name: actor.name,
          viewport: {
            x: viewport.x as number,
            y: viewport.y as number,
            zoom: Math.min(10, Math.max(0.01, viewport.zoom as number)),
          },
          at: now,
        },
      });
    },
  },
};
