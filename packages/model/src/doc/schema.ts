import type * as Y from 'yjs';

/**
 * The board's Yjs document layout (schema version 1):
 *
 * - `meta`        Y.Map: `schemaVersion` (number), `level` (workshop level).
 * - `elements`    Y.Map keyed by element id; each value a Y.Map with `kind`, `text` (Y.Text, so two people
 *                 typing in one note merge), `position` ({x, y}, one value so a move is one write), `size`,
 *                 `z` (fractional index), `codeName`, and per kind: `fields` (Y.Map keyed by field id of
 *                 {name, type, required, description, order}), `pivotal` (domain events: true marks a phase
 *                 border; absent or false means not pivotal), `keyField`, `topic`, `topicPrefix`.
 *                 Kind `swimlane` (a horizontal band) has only the common keys. Both were added without a
 *                 version change: older readers skip a kind they do not know and ignore `pivotal`.
 * - `connections` Y.Map keyed by connection id; each value a plain {source, target, label?} object.
 *
 * Selection, drag state, measured sizes and the viewport never go in the document: they are presence.
 * Only the functions of this folder read or write these maps.
 */
export const BOARD_SCHEMA_VERSION = 1;

export type ElementMap = Y.Map<unknown>;

export interface StoredConnection {
  source: string;
  target: string;
  label?: string;
}

export interface StoredField {
  name: string;
  type: unknown;
  required: boolean;
  description?: string;
  /** Fractional index ordering the fields of one element. */
  order: string;
}

export interface BoardMaps {
  readonly meta: Y.Map<unknown>;
  readonly elements: Y.Map<ElementMap>;
  readonly connections: Y.Map<StoredConnection>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap<unknown>('meta'),
    elements: doc.getMap<ElementMap>('elements'),
    connections: doc.getMap<StoredConnection>('connections'),
  };
}
