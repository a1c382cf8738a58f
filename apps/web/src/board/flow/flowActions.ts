import {
  boardMaps,
  createElement,
  type ElementKind,
  enforceTimeline,
  flowStep,
  KIND_INFO,
  type MergePlan,
  mergeElements,
  newId,
  type Point,
  type Size,
  updateElement,
  updateElements,
} from '@squall/model';
import type { ViewportTools } from '../canvas/useViewportTools.ts';
import type { BoardSession } from '../session.ts';
import { showNotice } from '../uiStore.ts';
import { type Direction, nearestInDirection } from './nearestNote.ts';

/** The note Tab just made and the kinds the grammar allows there (see `cycleFreshKind`). */
let fresh: {
  readonly id: string;
  readonly alternatives: readonly ElementKind[];
  readonly direction: 'next' | 'previous';
  index: number;
} | null = null;

/**
 * Tab on the note Tab just made, while it is still empty: it becomes the grammar's next alternative
 * there (aggregate ↔ external system after a command, policy ↔ read model after an event, …), keeping
 * the side that faces the note it came from. False when there is nothing to cycle.
 */
export function cycleFreshKind(session: BoardSession, id: string): boolean {
  const element = session.view.store.getState().elements.get(id);
  if (!fresh || fresh.id !== id || fresh.alternatives.length < 2 || !element || element.text.trim())
    return false;
  fresh.index = (fresh.index + 1) % fresh.alternatives.length;
  const kind = fresh.alternatives[fresh.index]!;
  const size = KIND_INFO[kind].defaultSize;
  const right = element.position.x + element.size.width;
  const middle = element.position.y + element.size.height / 2;
  const x = fresh.direction === 'next' ? element.position.x : right - size.width;
  updateElement(
    session.doc,
    id,
    { kind, size, position: { x, y: Math.round(middle - size.height / 2) } },
    session.origin,
  );
  session.ui.setState({ lastKind: kind });
  return true;
}

/**
 * Tab (`next`) or Shift+Tab (`previous`) on a note: creates the grammar's next (or previous) element
 * beside it and the connection between them, in one transaction (one undo step), selects the new note
 * and starts editing its text.
 */
export function stepFrom(
  session: BoardSession,
  id: string,
  direction: 'next' | 'previous',
  viewport: Pick<ViewportTools, 'revealElement'>,
): string | undefined {
  const { elements } = session.view.store.getState();
  const from = elements.get(id);
  if (!from) return undefined;
  const step = flowStep([...elements.values()], from, direction);
  if (!step) {
    const label = KIND_INFO[from.kind].label.toLowerCase();
    showNotice(
      session.ui,
      direction === 'next'
        ? `Nothing follows a ${label} in the grammar: Tab works on actors, commands, aggregates, external systems, events and policies.`
        : `Nothing comes before a ${label} in the grammar.`,
    );
    return undefined;
  }
  // The note being edited gathers keystrokes into one undo step; the new note is a step of its own.
  session.undo.stopCapturing();
  const created = newId();
  const connection = direction === 'next' ? { source: id, target: created } : { source: created, target: id };
  session.doc.transact(() => {
    createElement(session.doc, { id: created, kind: step.kind, position: step.position }, session.origin);
    boardMaps(session.doc).connections.set(newId(), connection);
  }, session.origin);
  session.undo.stopCapturing();
  fresh = { id: created, alternatives: step.alternatives, direction, index: 0 };
  session.view.select([created]);
  session.ui.setState({ editingId: created, lastKind: step.kind });
  viewport.revealElement(created);
  return created;
}

/** An arrow key: the selection moves to the nearest note that way (see `nearestInDirection`). */
export function selectToward(
  session: BoardSession,
  direction: Direction,
  viewport: Pick<ViewportTools, 'revealElement'>,
): void {
  const { elements, selectedIds } = session.view.store.getState();
  const from = elements.get([...selectedIds][0] ?? '');
  if (!from) return;
  const next = nearestInDirection(elements.values(), from, direction);
  if (!next) return;
  session.view.select([next.id]);
  viewport.revealElement(next.id);
}

const ANIMATION_MS = 350;
/** While set on the canvas, notes move with a transition (see styles.css). */
const GLIDING = 'is-gliding';

/**
 * "Enforce the timeline" on the selection (when it holds events) or the whole board: one write (one
 * undo step for this person, one update for everyone else), the events gliding to their places.
 */
export function enforceTimelineNow(session: BoardSession): Promise<number> {
  const { elements, selectedIds } = session.view.store.getState();
  const all = [...elements.values()];
  const selectedEvents = [...selectedIds].filter((id) => elements.get(id)?.kind === 'domainEvent');
  const scope = selectedEvents.length > 0 ? new Set(selectedEvents) : undefined;
  const moves = enforceTimeline(all, scope);
  if (moves.length === 0) {
    showNotice(
      session.ui,
      scope ? 'The selected events are already in timeline order.' : 'The timeline is already in order.',
    );
    return Promise.resolve(0);
  }
  return animateAndWrite(session, moves);
}

export interface AnimatedMove {
  readonly id: string;
  readonly to: Point;
  readonly size?: Size;
}

/**
 * Moves elements to new places in one write (one undo step for this person, one update for everyone
 * else), and lets them glide there on this screen: for a moment the canvas animates its notes' moves
 * with a CSS transition. A large move reaches the canvas a slice per frame (`createFrameSlices`), and
 * the notes it takes out of view stay drawn until they arrive, so no frame has to do it all.
 */
export function animateAndWrite(session: BoardSession, moves: readonly AnimatedMove[]): Promise<number> {
  if (moves.length === 0) return Promise.resolve(0);
  const canvas = document.querySelector('.react-flow');
  canvas?.classList.add(GLIDING);
  const gliding = new Set(moves.map((move) => move.id));
  session.ui.setState({ gliding });
  updateElements(
    session.doc,
    moves.map((move) => ({
      id: move.id,
      patch: move.size ? { position: move.to, size: move.size } : { position: move.to },
    })),
    session.origin,
  );
  // A large move reaches the canvas over a few frames: the last notes glide as long as the first.
  return session.view.applied().then(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          // A later move's glide (a second click meanwhile) ends with that move.
          if (session.ui.getState().gliding === gliding) {
            canvas?.classList.remove(GLIDING);
            session.ui.setState({ gliding: new Set() });
          }
          resolve(moves.length);
        }, ANIMATION_MS),
      ),
  );
}

/** Merges duplicates into `keepId` (one undo step); says what was merged and lists conflicting fields. */
export function mergeDuplicates(
  session: BoardSession,
  keepId: string,
  removeIds: readonly string[],
): MergePlan | undefined {
  const plan = mergeElements(session.doc, keepId, removeIds, session.origin);
  if (!plan) {
    showNotice(session.ui, 'These notes can no longer be merged: one of them changed or was deleted.');
    return undefined;
  }
  session.view.select([keepId]);
  return plan;
}
