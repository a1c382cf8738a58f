import type { BoardElement, SwimlaneElement } from '../elements.ts';
import { isFrameKind } from '../kinds.ts';

function centreInside(lane: SwimlaneElement, element: BoardElement): boolean {
  const y = element.position.y + element.size.height / 2;
  const x = element.position.x + element.size.width / 2;
  return (
    y >= lane.position.y &&
    y <= lane.position.y + lane.size.height &&
    x >= lane.position.x &&
    x <= lane.position.x + lane.size.width
  );
}

/**
 * Which swimlane each note belongs to: the lowest-height lane containing the note's centre (lanes
 * may be drawn inside wider ones). Like context membership it is geometric: a note dropped in a lane
 * belongs to it, and the board can never disagree with the picture.
 */
export function swimlaneMembership(elements: readonly BoardElement[]): Map<string, SwimlaneElement> {
  const lanes = elements
    .filter((element): element is SwimlaneElement => element.kind === 'swimlane')
    .sort((a, b) => a.size.height - b.size.height || (a.id < b.id ? -1 : 1));
  const membership = new Map<string, SwimlaneElement>();
  if (lanes.length === 0) return membership;
  for (const element of elements) {
    if (isFrameKind(element.kind)) continue;
    const lane = lanes.find((candidate) => centreInside(candidate, element));
    if (lane) membership.set(element.id, lane);
  }
  return membership;
}

/** The ids of the notes inside a swimlane (what moves with it): every note whose centre is in it. */
export function elementsInSwimlane(elements: readonly BoardElement[], laneId: string): string[] {
  const lane = elements.find((element) => element.id === laneId);
  if (lane?.kind !== 'swimlane') return [];
  return elements
    .filter((element) => !isFrameKind(element.kind) && centreInside(lane, element))
    .map((element) => element.id);
}
