import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from './session.ts';
import type { BoardViewState } from './sync/boardView.ts';
import type { UiState } from './uiStore.ts';

export const SessionContext = createContext<BoardSession | null>(null);

export function useSession(): BoardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a board page');
  return session;
}

export function useView<T>(selector: (state: BoardViewState) => T): T {
  return useStore(useSession().view.store, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useSession().ui, selector);
}
