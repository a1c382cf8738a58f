import type { PayloadProperty, PayloadType } from '../export/payload.ts';
import type { ChangeBreaks, SchemaChangeFact } from './schema-change.ts';

/**
 * The payload changes between two versions of one event. The exported schemas are closed
 * (`additionalProperties: false`, zod strict objects), so a change is BACKWARD compatible only when
 * every payload valid under the old schema is valid under the new one, and FORWARD compatible only
 * when every payload valid under the new schema is valid under the old one.
 */

/** A payload property with the board field's id, when it is a top-level field of the sticky. */
export interface IdentifiedProperty extends PayloadProperty {
  readonly fieldId?: string;
}

/** Where the changes of one event are reported. */
export interface EventSite {
  readonly context: string;
  readonly event: string;
  readonly elementId: string;
}

type Emit = (fact: Omit<SchemaChangeFact, 'context' | 'event' | 'elementId'>) => void;

const OLD_DATA = 'events already written with the old schema';
const NEW_DATA = 'events written with the new schema';

function typeWords(type: PayloadType): string {
  switch (type.kind) {
    case 'enum':
      return `enum (${type.values.join(', ')})`;
    case 'array':
      return `array of ${typeWords(type.items)}`;
    case 'object':
      return 'object';
    case 'open':
      return 'any object';
    default:
      return type.kind;
  }
}

/** Strings of a narrower kind (uuid, date-time, enum values) are strings; integers are numbers. */
function widens(from: PayloadType, to: PayloadType): boolean {
  if (to.kind === 'string') return from.kind === 'uuid' || from.kind === 'date-time' || from.kind === 'enum';
  if (to.kind === 'number') return from.kind === 'integer';
  if (to.kind === 'open') return from.kind === 'object';
  return false;
}

function diffType(path: string, before: PayloadType, after: PayloadType, emit: Emit): void {
  if (before.kind === 'object' && after.kind === 'object') {
    diffProperties(path, before.properties, after.properties, emit);
    return;
  }
  if (before.kind === 'array' && after.kind === 'array') {
    diffType(`${path}[]`, before.items, after.items, emit);
    return;
  }
  if (before.kind === 'enum' && after.kind === 'enum') {
    const added = after.values.filter((value) => !before.values.includes(value));
    const removed = before.values.filter((value) => !after.values.includes(value));
    if (added.length) {
      emit({
        kind: 'enum-values-added',
        field: path,
        summary: `${path} accepts new values ${added.join(', ')}`,
        breaks: { forward: `${NEW_DATA} may carry ${path} = ${added[0]}, which the old schema refuses` },
      });
    }
    if (removed.length) {
      emit({
        kind: 'enum-values-removed',
        field: path,
        summary: `${path} no longer accepts ${removed.join(', ')}`,
        breaks: { backward: `${OLD_DATA} may carry ${path} = ${removed[0]}, which the new schema refuses` },
      });
    }
    return;
  }
  if (before.kind === after.kind) return;
  const breaks: ChangeBreaks = {
    ...(widens(before, after)
      ? {}
      : { backward: `${OLD_DATA} carry ${path} as ${typeWords(before)}, which the new schema refuses` }),
    ...(widens(after, before)
      ? {}
      : { forward: `${NEW_DATA} carry ${path} as ${typeWords(after)}, which the old schema refuses` }),
  };
  emit({
    kind: 'field-retyped',
    field: path,
    summary: `${path} changed type from ${typeWords(before)} to ${typeWords(after)}`,
    breaks,
  });
}

function requiredWord(property: PayloadProperty): string {
  return property.required ? 'required' : 'optional';
}

function addedBreaks(path: string, property: PayloadProperty): ChangeBreaks {
  return {
    ...(property.required ? { backward: `${OLD_DATA} lack ${path}, which the new schema requires` } : {}),
    forward: `${NEW_DATA} ${property.required ? 'carry' : 'may carry'} ${path}, which the old schema does not allow: its objects are closed`,
  };
}

function removedBreaks(path: string, property: PayloadProperty): ChangeBreaks {
  return {
    backward: `${OLD_DATA} ${property.required ? 'carry' : 'may carry'} ${path}, which the new schema does not allow: its objects are closed`,
    ...(property.required ? { forward: `${NEW_DATA} lack ${path}, which the old schema requires` } : {}),
  };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Pairs the old and new properties: by board field id first (a renamed field keeps its id), then by
 * key (a field deleted and typed in again under the same name is the same property on the wire).
 */
function pairProperties(
  before: readonly IdentifiedProperty[],
  after: readonly IdentifiedProperty[],
): {
  pairs: Array<[IdentifiedProperty, IdentifiedProperty]>;
  removed: IdentifiedProperty[];
  added: IdentifiedProperty[];
} {
  const pairs: Array<[IdentifiedProperty, IdentifiedProperty]> = [];
  const unmatched = new Set(after);
  const left: IdentifiedProperty[] = [];
  for (const old of before) {
    const match = old.fieldId === undefined ? undefined : after.find((p) => p.fieldId === old.fieldId);
    if (match && unmatched.has(match)) {
      pairs.push([old, match]);
      unmatched.delete(match);
    } else left.push(old);
  }
  const removed: IdentifiedProperty[] = [];
  for (const old of left) {
    const match = [...unmatched].find((p) => p.key === old.key);
    if (match) {
      pairs.push([old, match]);
      unmatched.delete(match);
    } else removed.push(old);
  }
  return { pairs, removed, added: after.filter((p) => unmatched.has(p)) };
}

export function diffProperties(
  path: string,
  before: readonly IdentifiedProperty[],
  after: readonly IdentifiedProperty[],
  emit: Emit,
): void {
  const { pairs, removed, added } = pairProperties(before, after);
  for (const property of removed) {
    const field = join(path, property.key);
    emit({
      kind: 'field-removed',
      field,
      summary: `removing the ${requiredWord(property)} field ${field}`,
      breaks: removedBreaks(field, property),
    });
  }
  for (const property of added) {
    const field = join(path, property.key);
    emit({
      kind: 'field-added',
      field,
      summary: `adding the ${requiredWord(property)} field ${field}`,
      breaks: addedBreaks(field, property),
    });
  }
  for (const [old, next] of pairs) {
    const field = join(path, next.key);
    if (old.key !== next.key) {
      const oldField = join(path, old.key);
      emit({
        kind: 'field-renamed',
        field,
        summary: `renaming the field ${oldField} to ${field}`,
        breaks: {
          backward: `${OLD_DATA} ${old.required ? 'carry' : 'may carry'} ${oldField}, which the new schema does not allow${next.required ? `, and lack ${field}, which it requires` : ''}`,
          forward: `${NEW_DATA} ${next.required ? 'carry' : 'may carry'} ${field}, which the old schema does not allow${old.required ? `, and lack ${oldField}, which it requires` : ''}`,
        },
      });
    }
    if (!old.required && next.required) {
      emit({
        kind: 'field-made-required',
        field,
        summary: `making the field ${field} required`,
        breaks: { backward: `${OLD_DATA} may lack ${field}, which the new schema requires` },
      });
    }
    if (old.required && !next.required) {
      emit({
        kind: 'field-made-optional',
        field,
        summary: `making the field ${field} optional`,
        breaks: { forward: `${NEW_DATA} may lack ${field}, which the old schema requires` },
      });
    }
    diffType(field, old.type, next.type, emit);
  }
}

/** The payload changes of one event, reported at `site`. */
export function diffPayload(
  site: EventSite,
  before: readonly IdentifiedProperty[],
  after: readonly IdentifiedProperty[],
): SchemaChangeFact[] {
  const facts: SchemaChangeFact[] = [];
  diffProperties('', before, after, (fact) => facts.push({ ...site, ...fact }));
  return facts;
}
