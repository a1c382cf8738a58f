import type { WorkshopState } from '@squall/model';
import { useCallback } from 'react';
import { useStore } from 'zustand';
import { ApiError, boardsApi } from '../../api/boards.ts';
import { myParticipantId } from '../../api/participant.ts';
import { pickedUserName } from '../presence/localPresence.ts';
import { useSession } from '../SessionContext.ts';
import { showNotice } from '../uiStore.ts';
import type { WorkshopStoreState } from './workshopStore.ts';

/** A part of the shared workshop state (phase, timer, facilitators…); renders when that part changes. */
export function useWorkshop<T>(selector: (state: WorkshopState) => T): T {
  return useStore(useSession().workshop.store, (store) => selector(store.state));
}

/** Whether this user is a facilitator (the owner key's holder, or made one by a facilitator). */
export function isFacilitatorHere(store: WorkshopStoreState): boolean {
  if (store.readOnly) return false;
  return store.owner || Object.hasOwn(store.state.facilitators, myParticipantId());
}

/**
 * Whether to show this user the facilitator controls. Only a hint for the UI: the server checks every
 * workshop action itself.
 */
export function useIsFacilitator(): boolean {
  return useStore(useSession().workshop.store, isFacilitatorHere);
}

export type WorkshopAction = { readonly type: string } & Readonly<Record<string, unknown>>;

/** Sends a workshop action to the server; a refusal shows in the board's notice. Resolves to success. */
export function useWorkshopAct(): (action: WorkshopAction) => Promise<boolean> {
  const session = useSession();
  return useCallback(
    async (action) => {
      try {
        await boardsApi.workshopAct(session.boardId, { ...action, actorName: pickedUserName() });
        return true;
      } catch (error) {
        const reason = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        showNotice(session.ui, `The workshop action failed: ${reason}`);
        return false;
      }
    },
    [session],
  );
}
