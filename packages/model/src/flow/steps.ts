import type { BoardElement, Point } from '../elements.ts';
import { LEGAL_TARGETS } from '../grammar/rules.ts';
import { ELEMENT_KINDS, type ElementKind, isFrameKind, KIND_INFO } from '../kinds.ts';

/**
 * Keyboard flow modelling: the element that comes next in the grammar's story (Tab) and the one that
 * comes before (Shift+Tab). Each pair is a legal connection (checked by the tests against
 * `LEGAL_TARGETS`): actor → command → aggregate → domain event → policy → command …; an external system
 * handles a command like an aggregate, and a read model follows an event.
 */
export const NEXT_KIND: Readonly<Partial<Record<ElementKind, ElementKind>>> = {
  actor: 'command',
  command: 'aggregate',
  aggregate: 'domainEvent',
  externalSystem: 'domainEvent',
  domainEvent: 'policy',
  policy: 'command',
};

export const PREVIOUS_KIND: Readonly<Partial<Record<ElementKind, ElementKind>>> = {
  command: 'actor',
  aggregate: 'command',
  externalSystem: 'command',
  domainEvent: 'aggregate',
  policy: 'domainEvent',
  readModel: 'domainEvent',
};

/** Space left between a note and the one Tab creates beside it. */
export const STEP_GAP = 60;

export interface FlowStep {
  readonly kind: ElementKind;
  /**
   * Every kind the grammar allows there, `kind` first (a command is handled by an aggregate or an
   * external system; an event leads to a policy or a read model): Tab on the new, still empty note
   * turns it into the next of these.
   */
  readonly alternatives: readonly ElementKind[];
  /** Top-left corner of the new note. */
  readonly position: Point;
  /** The new connection: from the existing note (Tab) or to it (Shift+Tab). */
  readonly direction: 'next' | 'previous';
}

function overlaps(a: { position: Point; size: { width: number; height: number } }, b: BoardElement) {
  return (
    a.position.x < b.position.x + b.size.width &&
    b.position.x < a.position.x + a.size.width &&
    a.position.y < b.position.y + b.size.height &&
    b.position.y < a.position.y + a.size.height
  );
}

/**
 * Where Tab (`next`) or Shift+Tab (`previous`) puts the element that follows or precedes `from`: beside
 * it, vertically centred on it, moved down past any note already there. `undefined` when the grammar
 * has nothing there (nothing follows a read model; nothing precedes an actor).
 */
export function flowStep(
  elements: readonly BoardElement[],
  from: BoardElement,
  direction: 'next' | 'previous',
): FlowStep | undefined {
  const kind = (direction === 'next' ? NEXT_KIND : PREVIOUS_KIND)[from.kind];
  if (!kind) return undefined;
  const size = KIND_INFO[kind].defaultSize;
  const x =
    direction === 'next'
      ? from.position.x + from.size.width + STEP_GAP
      : from.position.x - STEP_GAP - size.width;
  let y = from.position.y + from.size.height / 2 - size.height / 2;
  const notes = elements.filter((element) => !isFrameKind(element.kind));
  for (let tries = 0; tries < 50; tries++) {
    const blocker = notes.find((note) => note.id !== from.id && overlaps({ position: { x, y }, size }, note));
    if (!blocker) break;
    y = blocker.position.y + blocker.size.height + STEP_GAP / 2;
  }
  const legal =
    direction === 'next'
      ? LEGAL_TARGETS[from.kind]
      : ELEMENT_KINDS.filter((candidate) => LEGAL_TARGETS[candidate].includes(from.kind));
  const alternatives = [kind, ...legal.filter((candidate) => candidate !== kind)];
  return { kind, alternatives, position: { x: Math.round(x), y: Math.round(y) }, direction };
}
