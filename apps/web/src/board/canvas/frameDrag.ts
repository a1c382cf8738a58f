import { type BoardElement, elementsInContext, elementsInSwimlane } from '@squall/model';
import type { XYPosition } from '@xyflow/react';

/** Elements that follow dragged frames: each with its start position and the frame it follows. */
export interface FrameDrag {
  readonly followers: ReadonlyMap<string, { readonly frameId: string; readonly start: XYPosition }>;
  readonly frameStarts: ReadonlyMap<string, XYPosition>;
}

/**
 * What moves with the dragged frames and swimlanes: everything inside them (by the model's geometric membership)
 * that is not itself being dragged. Nested frames' contents come along, as they are inside too.
 */
export function startFrameDrag(
  elements: readonly BoardElement[],
  draggedIds: ReadonlySet<string>,
): FrameDrag | null {
  const followers = new Map<string, { frameId: string; start: XYPosition }>();
  const frameStarts = new Map<string, XYPosition>();
  const byId = new Map(elements.map((element) => [element.id, element]));
  for (const id of draggedIds) {
    const frame = byId.get(id);
    if (frame?.kind !== 'boundedContext' && frame?.kind !== 'swimlane') continue;
    frameStarts.set(id, frame.position);
    const contents =
      frame.kind === 'swimlane' ? elementsInSwimlane(elements, id) : elementsInContext(elements, id);
    for (const inside of contents) {
      if (draggedIds.has(inside) || followers.has(inside)) continue;
      followers.set(inside, { frameId: id, start: byId.get(inside)!.position });
    }
  }
  return followers.size > 0 ? { followers, frameStarts } : null;
}

/** Where the followers are now, given where their frames are. */
export function followerPositions(
  drag: FrameDrag,
  framePositions: ReadonlyMap<string, XYPosition>,
): Map<string, XYPosition> {
  const positions = new Map<string, XYPosition>();
  for (const [id, { frameId, start }] of drag.followers) {
    const frameStart = drag.frameStarts.get(frameId)!;
    const frameNow = framePositions.get(frameId) ?? frameStart;
    positions.set(id, { x: start.x + frameNow.x - frameStart.x, y: start.y + frameNow.y - frameStart.y });
  }
  return positions;
}
