import { colorForClient, normaliseUserName, type PresenceState, type PresenceViewport } from '@squall/model';
import type { XYPosition } from '@xyflow/react';
import type { Awareness } from 'y-protocols/awareness';
import { myParticipantId } from '../../api/participant.ts';
import { throttle } from './throttle.ts';

/** Cursor and live-drag positions go out at most ~30 times a second. */
const SHARE_MS = 33;
const NAME_KEY = 'squall:userName';

/** The name picked on this browser; empty before the first visit's prompt. */
export function pickedUserName(): string {
  return normaliseUserName(window.localStorage.getItem(NAME_KEY) ?? '');
}

export function storedUserName(clientId: number): string {
  return pickedUserName() || `Guest ${clientId % 1000}`;
}

export function storeUserName(name: string): void {
  window.localStorage.setItem(NAME_KEY, normaliseUserName(name));
}

export interface LocalPresence {
  setName(name: string): void;
  setCursor(cursor: XYPosition | null): void;
  setSelection(ids: Iterable<string>): void;
  /** Positions of the notes being dragged right now; empty when the drag ends. */
  setDrag(positions: ReadonlyMap<string, XYPosition>): void;
  /** What this user looks at: the board point at the centre of their canvas, and their zoom. */
  setViewport(viewport: PresenceViewport): void;
  destroy(): void;
}

/**
 * What this user shares through awareness (never the document). `isPrivate` ids (silent-writing drafts)
 * are never shared, not even as a selection or a drag.
 */
export function createLocalPresence(
  awareness: Awareness,
  isPrivate: (id: string) => boolean = () => false,
): LocalPresence {
  const clientId = awareness.clientID;
  const initial: PresenceState = {
    user: { name: storedUserName(clientId), color: colorForClient(clientId) },
    cursor: null,
    selection: [],
    drag: {},
    viewport: null,
    lastActive: Date.now(),
    participant: myParticipantId(),
  };
  awareness.setLocalState(initial);
  const set = (patch: Partial<PresenceState>) => {
    const current = awareness.getLocalState() as PresenceState | null;
    awareness.setLocalState({ ...(current ?? initial), ...patch, lastActive: Date.now() });
  };
  const shareCursor = throttle((cursor: XYPosition | null) => set({ cursor }), SHARE_MS);
  const shareDrag = throttle((drag: Record<string, XYPosition>) => set({ drag }), SHARE_MS);
  const shareViewport = throttle((viewport: PresenceViewport) => set({ viewport }), SHARE_MS);
  return {
    setName(name) {
      storeUserName(name);
      set({ user: { name: storedUserName(clientId), color: colorForClient(clientId) } });
    },
    setCursor: shareCursor,
    setSelection(ids) {
      const selection = [...ids].filter((id) => !isPrivate(id));
      const current = (awareness.getLocalState() as PresenceState | null)?.selection ?? [];
      // The view hands over a new set whenever nodes change; only a real change goes on the wire.
      if (selection.length === current.length && selection.every((id, i) => id === current[i])) return;
      set({ selection });
    },
    setDrag(positions) {
      const shared = [...positions].filter(([id]) => !isPrivate(id));
      if (shared.length === 0) {
        // The drop is written to the document right after; stop showing the live drag at once.
        shareDrag.cancel();
        const current = (awareness.getLocalState() as PresenceState | null)?.drag ?? {};
        // (Dragging only drafts shares nothing, frame after frame.)
        if (positions.size === 0 || Object.keys(current).length > 0) set({ drag: {} });
      } else shareDrag(Object.fromEntries(shared));
    },
    setViewport: shareViewport,
    destroy() {
      shareViewport.cancel();
      shareCursor.cancel();
      shareDrag.cancel();
      awareness.setLocalState(null);
    },
  };
}
