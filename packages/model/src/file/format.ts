import type * as Y from 'yjs';
import { readBoard } from '../doc/read.ts';
import { BOARD_SCHEMA_VERSION, boardMaps } from '../doc/schema.ts';
import { createElements, elementInit } from '../doc/write.ts';
import type { BoardElement, BoardSnapshot, Connection, WorkshopLevel } from '../elements.ts';

/**
 * The board file format, version 2 (`.squall.json`). Its elements and connections are exactly a
 * board snapshot's, so board → file → board is lossless. Documented in docs/board-file-format.md and
 * described by schema/board-file.v2.schema.json. Version 2 added swimlanes and pivotal events; version 1
 * files (schema/board-file.v1.schema.json) still import, upgraded by `upgradeBoardFile`.
 */
export const BOARD_FILE_FORMAT = 'squall.board';
export const BOARD_FILE_VERSION = 2;
/** Every version this Squall reads. */
export const BOARD_FILE_VERSIONS = [1, 2] as const;
export type BoardFileVersion = (typeof BOARD_FILE_VERSIONS)[number];
export const BOARD_FILE_EXTENSION = '.squall.json';

export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT;
  readonly version: typeof BOARD_FILE_VERSION;
  readonly name: string;
  readonly level: WorkshopLevel;
  readonly elements: readonly BoardElement[];
  readonly connections: readonly Connection[];
}

/**
 * A parsed file of an older version as a current one. Version 1 → 2 changes no data: version 2 only
 * adds what version 1 cannot hold (the `swimlane` kind, `pivotal` on domain events), so a version 1
 * board is a version 2 board without swimlanes or pivotal events.
 */
export function upgradeBoardFile(
  file: Omit<BoardFile, 'version'> & { readonly version: BoardFileVersion },
): BoardFile {
  return { ...file, version: BOARD_FILE_VERSION };
}

export function boardFileFromSnapshot(snapshot: BoardSnapshot, name: string): BoardFile {
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    name,
    level: snapshot.level,
    elements: snapshot.elements,
    connections: snapshot.connections,
  };
}

export function serializeBoardFile(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The board a file describes, as a snapshot (what exporters and lint take). */
export function snapshotFromBoardFile(file: BoardFile): BoardSnapshot {
  return {
    schemaVersion: BOARD_SCHEMA_VERSION,
    level: file.level,
    elements: file.elements,
    connections: file.connections,
  };
}

/**
 * Writes a board's content into a document in one transaction, keeping every id and z key (an import
 * into a new board). Connections are written as they are, even ones the grammar would now refuse:
 * the lint reports those, and a round trip must not drop them.
 */
export function writeBoardContent(
  doc: Y.Doc,
  content: Pick<BoardSnapshot, 'level' | 'elements' | 'connections'>,
  origin: unknown,
): void {
  const maps = boardMaps(doc);
  doc.transact(() => {
    maps.meta.set('level', content.level);
    createElements(doc, content.elements.map(elementInit), origin);
    for (const { id, source, target, label } of content.connections) {
      maps.connections.set(id, label ? { source, target, label } : { source, target });
    }
  }, origin);
}

/** The board file of a document (what `GET /api/boards/:id/file` and the web's download return). */
export function boardFileFromDoc(doc: Y.Doc, name: string): BoardFile {
  return boardFileFromSnapshot(readBoard(doc), name);
}
