import type * as Y from 'yjs';
import { type MergePlan, planMerge } from '../flow/merge-plan.ts';
import { readBoard } from './read.ts';
import { boardMaps } from './schema.ts';
import { addPayloadField, deleteElements, updateElement } from './write.ts';

/**
 * Merges duplicate notes into `keepId` (see `planMerge`) in one transaction: one undo step for the
 * person who did it, one update for everyone else. Returns the plan it carried out (its `conflicts`
 * are what the UI lists), or undefined when the notes cannot be merged.
 */
export function mergeElements(
  doc: Y.Doc,
  keepId: string,
  removeIds: readonly string[],
  origin: unknown,
): MergePlan | undefined {
  const plan = planMerge(readBoard(doc), keepId, removeIds);
  if (!plan) return undefined;
  const { connections } = boardMaps(doc);
  doc.transact(() => {
    for (const field of plan.addFields) {
      const { id: _id, ...init } = field;
      addPayloadField(doc, keepId, init, origin);
    }
    for (const connection of plan.retarget) {
      const { id, source, target, label } = connection;
      connections.set(id, label ? { source, target, label } : { source, target });
    }
    for (const id of plan.drop) connections.delete(id);
    if (plan.pivotal) updateElement(doc, keepId, { pivotal: true }, origin);
    if (plan.codeName !== undefined) updateElement(doc, keepId, { codeName: plan.codeName }, origin);
    deleteElements(doc, plan.removeIds, origin);
  }, origin);
  return plan;
}
