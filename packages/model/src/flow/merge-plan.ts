import type { BoardSnapshot, Connection } from '../elements.ts';
import type { PayloadField } from '../fields.ts';
import type { DuplicateCandidate } from './duplicates.ts';

/** A field of a merged note whose name the kept note already has with a different type or meaning. */
export interface FieldConflict {
  readonly name: string;
  readonly kept: PayloadField;
  /** The other note's field: moved onto the kept note as well, so nothing is lost. */
  readonly moved: PayloadField;
  readonly fromId: string;
}

export interface MergePlan {
  readonly keepId: string;
  readonly removeIds: readonly string[];
  /** Connections of the removed notes, now to or from the kept note (same id and label). */
  readonly retarget: readonly Connection[];
  /** Connections that would repeat one the kept note has, or join the kept note to itself. */
  readonly drop: readonly string[];
  /** The removed notes' fields that the kept note gets. */
  readonly addFields: readonly PayloadField[];
  readonly conflicts: readonly FieldConflict[];
  /** The kept note becomes pivotal when any merged event was. */
  readonly pivotal: boolean;
  /** The kept note takes a code name when it has none and a merged one had. */
  readonly codeName: string | undefined;
}

const fieldKey = (name: string) => name.trim().toLowerCase();
const sameField = (a: PayloadField, b: PayloadField) =>
  a.required === b.required &&
  (a.description ?? '') === (b.description ?? '') &&
  JSON.stringify(a.type) === JSON.stringify(b.type);

/**
 * What "Merge" does to duplicates: keep one note, move the others' connections and payload fields onto
 * it and remove the others. A field the kept note already has identically is not repeated; one whose
 * name it has with another type, requiredness or description is moved too and listed as a conflict.
 * Returns undefined unless `keepId` and every `removeIds` are notes of one kind that has a payload.
 */
export function planMerge(
  board: Pick<BoardSnapshot, 'elements' | 'connections'>,
  keepId: string,
  removeIds: readonly string[],
): MergePlan | undefined {
  const byId = new Map(board.elements.map((element) => [element.id, element]));
  const keep = byId.get(keepId);
  if (!keep || (keep.kind !== 'domainEvent' && keep.kind !== 'command')) return undefined;
  const others: DuplicateCandidate[] = [];
  for (const id of new Set(removeIds)) {
    const other = byId.get(id);
    if (id === keepId || !other || other.kind !== keep.kind) return undefined;
    others.push(other as DuplicateCandidate);
  }
  const removed = new Set(others.map((other) => other.id));
  const end = (id: string) => (removed.has(id) ? keepId : id);
  const pairs = new Set<string>();
  for (const connection of board.connections) {
    if (!removed.has(connection.source) && !removed.has(connection.target))
      pairs.add(`${connection.source}>${connection.target}`);
  }
  const retarget: Connection[] = [];
  const drop: string[] = [];
  for (const connection of board.connections) {
    if (!removed.has(connection.source) && !removed.has(connection.target)) continue;
    const moved = { ...connection, source: end(connection.source), target: end(connection.target) };
    const pair = `${moved.source}>${moved.target}`;
    if (moved.source === moved.target || pairs.has(pair)) {
      drop.push(connection.id);
      continue;
    }
    pairs.add(pair);
    retarget.push(moved);
  }
  const fields = new Map<string, PayloadField>();
  for (const field of keep.fields)
    if (!fields.has(fieldKey(field.name))) fields.set(fieldKey(field.name), field);
  const addFields: PayloadField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const other of others) {
    for (const field of other.fields) {
      const kept = fields.get(fieldKey(field.name));
      if (kept && sameField(kept, field)) continue;
      addFields.push(field);
      if (kept) conflicts.push({ name: field.name, kept, moved: field, fromId: other.id });
      else fields.set(fieldKey(field.name), field);
    }
  }
  const pivotal =
    keep.kind === 'domainEvent' &&
    [keep, ...others].some((e) => e.kind === 'domainEvent' && e.pivotal === true);
  const codeName = keep.codeName.trim() ? undefined : others.find((other) => other.codeName.trim())?.codeName;
  return { keepId, removeIds: [...removed], retarget, drop, addFields, conflicts, pivotal, codeName };
}
