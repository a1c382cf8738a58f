import type { BoardElement, BoundedContextElement } from '../elements.ts';

function centre(element: BoardElement) {
  return { x: element.position.x + element.size.width / 2, y: element.position.y + element.size.height / 2 };
}

function contains(frame: BoundedContextElement, element: BoardElement): boolean {
  const { x, y } = centre(element);
  return (
    x >= frame.position.x &&
    x <= frame.position.x + frame.size.width &&
    y >= frame.position.y &&
    y <= frame.position.y + frame.size.height
  );
}

/**
 * Which bounded context each element belongs to: the smallest context frame containing the element's
 * centre. Membership is geometric, so it can never disagree with what people see on the board.
 */
export function contextMembership(elements: readonly BoardElement[]): Map<string, BoundedContextElement> {
  const frames = elements
    .filter((element): element is BoundedContextElement => element.kind === 'boundedContext')
    .sort((a, b) => a.size.width * a.size.height - b.size.width * b.size.height || (a.id < b.id ? -1 : 1));
  const membership = new Map<string, BoundedContextElement>();
  for (const element of elements) {
    // A swimlane crosses contexts: it belongs to none, and a context's move leaves it where it is.
    if (element.kind === 'swimlane') continue;
    const frame = frames.find((candidate) => candidate.id !== element.id && contains(candidate, element));
    if (
      frame &&
      (element.kind !== 'boundedContext' ||
        frame.size.width * frame.size.height > element.size.width * element.size.height)
    ) {
      membership.set(element.id, frame);
    }
  }
  return membership;
}

/** The ids of the elements inside a context frame (what moves with it). */
export function elementsInContext(elements: readonly BoardElement[], contextId: string): string[] {
  const frame = elements.find((element) => element.id === contextId);
  if (frame?.kind !== 'boundedContext') return [];
  return elements
    .filter((element) => element.id !== contextId && element.kind !== 'swimlane' && contains(frame, element))
    .map((e) => e.id);
}
