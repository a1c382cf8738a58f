import * as Y from 'yjs';
import type { BoardElement, Point, Size, TopicSettings, WorkshopLevel } from '../elements.ts';
import type { FieldType, PayloadField } from '../fields.ts';
import { checkConnection } from '../grammar/rules.ts';
import { newId } from '../ids.ts';
import { type ElementKind, hasPayload, KIND_INFO } from '../kinds.ts';
import { compareZ, zBetween, zKeysBetween } from '../zorder.ts';
import { readElement } from './read.ts';
import {
  type BoardMaps,
  boardMaps,
  type ElementMap,
  type StoredConnection,
  type StoredField,
} from './schema.ts';
import { textEdit } from './text-edit.ts';
import { isRecord } from './validate.ts';

/**
 * The only writers of the board document. Each call is one transaction with the caller's origin, so
 * it is one step for undo (a `Y.UndoManager` tracking that origin) and one update on the wire.
 */

export interface PayloadFieldInit {
  readonly id?: string;
  readonly name: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly description?: string;
}

export interface ElementInit {
  readonly id?: string;
  readonly kind: ElementKind;
  readonly text?: string;
  readonly position: Point;
  readonly size?: Size;
  /** Defaults to above everything on the board. */
  readonly z?: string;
  readonly codeName?: string;
  readonly fields?: readonly PayloadFieldInit[];
  /** Domain events only: a phase border on the timeline. */
  readonly pivotal?: boolean;
  readonly keyField?: string;
  readonly topic?: TopicSettings;
  readonly topicPrefix?: string;
}

export interface ElementPatch {
  readonly kind?: ElementKind;
  readonly text?: string;
  readonly position?: Point;
  readonly size?: Size;
  readonly z?: string;
  readonly codeName?: string;
  /** Domain events only (kept on other kinds, so changing back restores it). */
  readonly pivotal?: boolean;
  readonly keyField?: string;
  readonly topic?: TopicSettings;
  readonly topicPrefix?: string;
}

function topZ(maps: BoardMaps): string | undefined {
  let top: string | undefined;
  for (const element of maps.elements.values()) {
    const z = element instanceof Y.Map ? element.get('z') : undefined;
    if (typeof z === 'string' && (top === undefined || z > top)) top = z;
  }
  return top;
}

function storeField(field: PayloadFieldInit, order: string): StoredField {
  const stored: StoredField = {
    name: field.name,
    type: field.type,
    required: field.required ?? false,
    order,
  };
  if (field.description) stored.description = field.description;
  return stored;
}

function writeElement(maps: BoardMaps, id: string, init: ElementInit, z: string): void {
  const element: ElementMap = new Y.Map();
  element.set('kind', init.kind);
  element.set('text', new Y.Text(init.text ?? ''));
  element.set('position', { x: init.position.x, y: init.position.y });
  const size = init.size ?? KIND_INFO[init.kind].defaultSize;
  element.set('size', { width: size.width, height: size.height });
  element.set('z', z);
  element.set('codeName', init.codeName ?? '');
  if (hasPayload(init.kind)) {
    const fields = new Y.Map<StoredField>();
    const orders = zKeysBetween(undefined, undefined, init.fields?.length ?? 0);
    init.fields?.forEach((field, index) => {
      fields.set(field.id ?? newId(), storeField(field, orders[index]!));
    });
    element.set('fields', fields);
  }
  if (init.kind === 'domainEvent' && init.pivotal) element.set('pivotal', true);
  if (init.kind === 'aggregate') element.set('keyField', init.keyField ?? '');
  if (init.kind === 'boundedContext') element.set('topicPrefix', init.topicPrefix ?? '');
  if (init.kind === 'aggregate' || init.kind === 'boundedContext') element.set('topic', { ...init.topic });
  maps.elements.set(id, element);
}

/** The init that recreates an element exactly (same id, place and z); a paste overrides what it must. */
export function elementInit(element: BoardElement): ElementInit {
  const { id, kind, text, position, size, z, codeName } = element;
  const base = { id, kind, text, position, size, z, codeName };
  switch (element.kind) {
    case 'domainEvent':
      return element.pivotal
        ? { ...base, fields: element.fields, pivotal: true }
        : { ...base, fields: element.fields };
    case 'command':
      return { ...base, fields: element.fields };
    case 'aggregate':
      return { ...base, keyField: element.keyField, topic: element.topic };
    case 'boundedContext':
      return { ...base, topicPrefix: element.topicPrefix, topic: element.topic };
    default:
      return base;
  }
}

/** Creates elements in one transaction (a paste, an import); returns their ids in order. */
export function createElements(doc: Y.Doc, inits: readonly ElementInit[], origin: unknown): string[] {
  const maps = boardMaps(doc);
  const ids = inits.map((init) => init.id ?? newId());
  doc.transact(() => {
    const needZ = inits.filter((init) => init.z === undefined).length;
    const zs = zKeysBetween(topZ(maps), undefined, needZ);
    let next = 0;
    inits.forEach((init, index) => {
      writeElement(maps, ids[index]!, init, init.z ?? zs[next++]!);
    });
  }, origin);
  return ids;
}

export function createElement(doc: Y.Doc, init: ElementInit, origin: unknown): string {
  return createElements(doc, [init], origin)[0]!;
}

/** Replaces the whole text with the smallest edit, so concurrent typing elsewhere in the note merges. */
function replaceText(text: Y.Text, next: string): void {
  const { index, remove, insert } = textEdit(text.toString(), next);
  if (remove > 0) text.delete(index, remove);
  if (insert) text.insert(index, insert);
}

function elementMap(maps: BoardMaps, id: string): ElementMap | undefined {
  const element = maps.elements.get(id);
  return element instanceof Y.Map ? element : undefined;
}

function applyPatch(element: ElementMap, patch: ElementPatch): void {
  if (patch.kind !== undefined && patch.kind !== element.get('kind')) {
    element.set('kind', patch.kind);
    // Give the new kind the structures it needs; keep the old ones so changing back loses nothing.
    if (hasPayload(patch.kind) && !(element.get('fields') instanceof Y.Map))
      element.set('fields', new Y.Map());
    if ((patch.kind === 'aggregate' || patch.kind === 'boundedContext') && !isRecord(element.get('topic'))) {
      element.set('topic', {});
    }
  }
  if (patch.text !== undefined) {
    const text = element.get('text');
    if (text instanceof Y.Text) replaceText(text, patch.text);
    else element.set('text', new Y.Text(patch.text));
  }
  if (patch.position !== undefined) element.set('position', { x: patch.position.x, y: patch.position.y });
  if (patch.size !== undefined) element.set('size', { width: patch.size.width, height: patch.size.height });
  if (patch.z !== undefined) element.set('z', patch.z);
  if (patch.codeName !== undefined) element.set('codeName', patch.codeName);
  if (patch.pivotal !== undefined) element.set('pivotal', patch.pivotal);
  if (patch.keyField !== undefined) element.set('keyField', patch.keyField);
  if (patch.topicPrefix !== undefined) element.set('topicPrefix', patch.topicPrefix);
  if (patch.topic !== undefined) element.set('topic', { ...patch.topic });
}

/** Updates one element; returns false when it does not exist (e.g. a colleague just deleted it). */
export function updateElement(doc: Y.Doc, id: string, patch: ElementPatch, origin: unknown): boolean {
  return updateElements(doc, [{ id, patch }], origin) === 1;
}

/** Updates several elements in one transaction (a multi-select move or resize); returns how many existed. */
export function updateElements(
  doc: Y.Doc,
  updates: ReadonlyArray<{ readonly id: string; readonly patch: ElementPatch }>,
  origin: unknown,
): number {
  const maps = boardMaps(doc);
  let applied = 0;
  doc.transact(() => {
    for (const { id, patch } of updates) {
      const element = elementMap(maps, id);
      if (!element) continue;
      applyPatch(element, patch);
      applied++;
    }
  }, origin);
  return applied;
}

/** The shared text of a note, for editors that bind to `Y.Text` directly. */
export function elementText(doc: Y.Doc, id: string): Y.Text | undefined {
  const text = elementMap(boardMaps(doc), id)?.get('text');
  return text instanceof Y.Text ? text : undefined;
}

/** Deletes elements and every connection touching them, in one step. */
export function deleteElements(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const maps = boardMaps(doc);
  const doomed = new Set(ids);
  doc.transact(() => {
    for (const id of doomed) maps.elements.delete(id);
    for (const [id, connection] of maps.connections.entries()) {
      if (
        isRecord(connection) &&
        (doomed.has(String(connection.source)) || doomed.has(String(connection.target)))
      ) {
        maps.connections.delete(id);
      }
    }
  }, origin);
}

/** Moves elements to the front (above everything) or the back, keeping their relative order. */
export function reorderElements(
  doc: Y.Doc,
  ids: readonly string[],
  to: 'front' | 'back',
  origin: unknown,
): void {
  const maps = boardMaps(doc);
  const all = [...maps.elements.entries()]
    .map(([id, value]) => readElement(id, value))
    .filter((element) => element !== undefined)
    .sort(compareZ);
  const moving = all.filter((element) => ids.includes(element.id));
  const staying = all.filter((element) => !ids.includes(element.id));
  const keys =
    to === 'front'
      ? zKeysBetween(staying.at(-1)?.z, undefined, moving.length)
      : zKeysBetween(undefined, staying[0]?.z, moving.length);
  updateElements(
    doc,
    moving.map((element, index) => ({ id: element.id, patch: { z: keys[index]! } })),
    origin,
  );
}

export type ConnectResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: string };

/** Connects two elements when the grammar allows it; otherwise says why not and changes nothing. */
export function connectElements(
  doc: Y.Doc,
  connection: {
    readonly source: string;
    readonly target: string;
    readonly id?: string;
    readonly label?: string;
  },
  origin: unknown,
): ConnectResult {
  const maps = boardMaps(doc);
  const source = readElement(connection.source, maps.elements.get(connection.source));
  const target = readElement(connection.target, maps.elements.get(connection.target));
  if (!source || !target) return { ok: false, reason: 'Both ends of a connection must be on the board.' };
  if (source.id === target.id) return { ok: false, reason: 'An element cannot connect to itself.' };
  const check = checkConnection(source.kind, target.kind);
  if (!check.legal) return { ok: false, reason: check.reason };
  for (const existing of maps.connections.values()) {
    if (isRecord(existing) && existing.source === source.id && existing.target === target.id) {
      return { ok: false, reason: 'These two are already connected.' };
    }
  }
  const id = connection.id ?? newId();
  const stored: StoredConnection = { source: source.id, target: target.id };
  if (connection.label) stored.label = connection.label;
  doc.transact(() => maps.connections.set(id, stored), origin);
  return { ok: true, id };
}

export function deleteConnections(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const maps = boardMaps(doc);
  doc.transact(() => {
    for (const id of ids) maps.connections.delete(id);
  }, origin);
}

export function setWorkshopLevel(doc: Y.Doc, level: WorkshopLevel, origin: unknown): void {
  doc.transact(() => boardMaps(doc).meta.set('level', level), origin);
}

// ---- payload fields ---------------------------------------------------------------------------------

function fieldsOf(doc: Y.Doc, elementId: string): Y.Map<StoredField> | undefined {
  const fields = elementMap(boardMaps(doc), elementId)?.get('fields');
  return fields instanceof Y.Map ? (fields as Y.Map<StoredField>) : undefined;
}

function orderedFieldEntries(fields: Y.Map<StoredField>): Array<[string, StoredField]> {
  return [...fields.entries()]
    .filter(
      (entry): entry is [string, StoredField] => isRecord(entry[1]) && typeof entry[1].order === 'string',
    )
    .sort(([idA, a], [idB, b]) => compareZ({ z: a.order, id: idA }, { z: b.order, id: idB }));
}

/** Adds a payload field at `index` (default: last); returns its id, or undefined if the element has no payload. */
export function addPayloadField(
  doc: Y.Doc,
  elementId: string,
  field: PayloadFieldInit,
  origin: unknown,
  index?: number,
): string | undefined {
  const fields = fieldsOf(doc, elementId);
  if (!fields) return undefined;
  const ordered = orderedFieldEntries(fields);
  const at = Math.max(0, Math.min(index ?? ordered.length, ordered.length));
  const order = zBetween(ordered[at - 1]?.[1].order, ordered[at]?.[1].order);
  const id = field.id ?? newId();
  doc.transact(() => fields.set(id, storeField(field, order)), origin);
  return id;
}

export function updatePayloadField(
  doc: Y.Doc,
  elementId: string,
  fieldId: string,
  patch: Partial<Omit<PayloadField, 'id'>>,
  origin: unknown,
): boolean {
  const fields = fieldsOf(doc, elementId);
  const current = fields?.get(fieldId);
  if (!fields || !isRecord(current)) return false;
  const next: StoredField = { ...current, ...patch, order: current.order };
  if (!next.description) delete next.description;
  doc.transact(() => fields.set(fieldId, next), origin);
  return true;
}

export function removePayloadField(doc: Y.Doc, elementId: string, fieldId: string, origin: unknown): void {
  const fields = fieldsOf(doc, elementId);
  if (fields) doc.transact(() => fields.delete(fieldId), origin);
}

/** Moves a payload field to position `index` among the others (one write: its order key). */
export function movePayloadField(
  doc: Y.Doc,
  elementId: string,
  fieldId: string,
  index: number,
  origin: unknown,
): void {
  const fields = fieldsOf(doc, elementId);
  const current = fields?.get(fieldId);
  if (!fields || !isRecord(current)) return;
  const others = orderedFieldEntries(fields).filter(([id]) => id !== fieldId);
  const at = Math.max(0, Math.min(index, others.length));
  const order = zBetween(others[at - 1]?.[1].order, others[at]?.[1].order);
  doc.transact(() => fields.set(fieldId, { ...current, order }), origin);
}
