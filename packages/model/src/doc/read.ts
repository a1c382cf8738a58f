import * as Y from 'yjs';
import type { BoardElement, BoardSnapshot, Connection, WorkshopLevel } from '../elements.ts';
import { WORKSHOP_LEVELS } from '../elements.ts';
import type { PayloadField } from '../fields.ts';
import { isElementKind, KIND_INFO } from '../kinds.ts';
import { compareZ, isZKey } from '../zorder.ts';
import { BOARD_SCHEMA_VERSION, boardMaps, type ElementMap, type StoredField } from './schema.ts';
import {
  isRecord,
  readPayloadField,
  readPoint,
  readSize,
  readString,
  readTopicSettings,
} from './validate.ts';

export function readSchemaVersion(doc: Y.Doc): number | undefined {
  const version = boardMaps(doc).meta.get('schemaVersion');
  return typeof version === 'number' ? version : undefined;
}

export function readLevel(doc: Y.Doc): WorkshopLevel {
  const level = boardMaps(doc).meta.get('level');
  return (WORKSHOP_LEVELS as readonly unknown[]).includes(level) ? (level as WorkshopLevel) : 'process';
}

function readFields(value: unknown): PayloadField[] {
  if (!(value instanceof Y.Map)) return [];
  const entries: Array<{ field: PayloadField; order: string }> = [];
  for (const [id, stored] of (value as Y.Map<StoredField>).entries()) {
    const field = readPayloadField(id, stored);
    if (field) entries.push({ field, order: isRecord(stored) ? readString(stored.order) : '' });
  }
  entries.sort((a, b) => compareZ({ z: a.order, id: a.field.id }, { z: b.order, id: b.field.id }));
  return entries.map((entry) => entry.field);
}

/** One element, validated; `undefined` when the stored value is not an element (e.g. unknown kind). */
export function readElement(id: string, map: unknown): BoardElement | undefined {
  if (!(map instanceof Y.Map)) return undefined;
  const element = map as ElementMap;
  const kind = element.get('kind');
  if (!isElementKind(kind)) return undefined;
  const text = element.get('text');
  const z = element.get('z');
  const base = {
    id,
    text: text instanceof Y.Text ? text.toString() : '',
    position: readPoint(element.get('position')),
    size: readSize(element.get('size'), KIND_INFO[kind].defaultSize),
    z: isZKey(z) ? z : 'V',
    codeName: readString(element.get('codeName')),
  };
  switch (kind) {
    case 'domainEvent': {
      const event = { ...base, kind, fields: readFields(element.get('fields')) };
      return element.get('pivotal') === true ? { ...event, pivotal: true } : event;
    }
    case 'command':
      return { ...base, kind, fields: readFields(element.get('fields')) };
    case 'aggregate':
      return {
        ...base,
        kind,
        keyField: readString(element.get('keyField')),
        topic: readTopicSettings(element.get('topic')),
      };
    case 'boundedContext':
      return {
        ...base,
        kind,
        topicPrefix: readString(element.get('topicPrefix')),
        topic: readTopicSettings(element.get('topic')),
      };
    default:
      return { ...base, kind };
  }
}

export function readConnection(id: string, value: unknown): Connection | undefined {
  if (!isRecord(value) || typeof value.source !== 'string' || typeof value.target !== 'string')
    return undefined;
  const connection: Connection = { id, source: value.source, target: value.target };
  return typeof value.label === 'string' && value.label !== ''
    ? { ...connection, label: value.label }
    : connection;
}

/**
 * The whole board as plain, validated data. Invalid entries are skipped and connections whose ends are
 * gone (a concurrent delete and connect) are left out, so a snapshot is always a consistent board.
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const { elements: elementMap, connections: connectionMap } = boardMaps(doc);
  const elements: BoardElement[] = [];
  for (const [id, value] of elementMap.entries()) {
    const element = readElement(id, value);
    if (element) elements.push(element);
  }
  elements.sort(compareZ);
  const ids = new Set(elements.map((element) => element.id));
  const connections: Connection[] = [];
  for (const [id, value] of connectionMap.entries()) {
    const connection = readConnection(id, value);
    if (connection && ids.has(connection.source) && ids.has(connection.target)) connections.push(connection);
  }
  connections.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    schemaVersion: readSchemaVersion(doc) ?? BOARD_SCHEMA_VERSION,
    level: readLevel(doc),
    elements,
    connections,
  };
}

/**
 * The ids of elements touched by a batch of events from `boardMaps(doc).elements.observeDeep`, so a view
 * can rebuild only those and keep object identity for everything else.
 */
export function changedElementIds(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    // Paths are relative to the observed elements map: a nested change's path starts with its element id.
    const id = event.path[0];
    if (typeof id === 'string') ids.add(id);
    else for (const key of event.changes.keys.keys()) ids.add(key);
  }
  return ids;
}
