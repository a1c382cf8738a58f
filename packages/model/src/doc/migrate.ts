import type * as Y from 'yjs';
import { readSchemaVersion } from './read.ts';
import { BOARD_SCHEMA_VERSION, boardMaps } from './schema.ts';

/** Upgrades a document from `version - 1` to `version`; runs inside one transaction. */
export type BoardMigration = (doc: Y.Doc) => void;

/** Migrations by the version they produce. Schema v1 is the first: none yet. */
export const BOARD_MIGRATIONS: Readonly<Record<number, BoardMigration>> = {};

export type MigrationResult =
  | { readonly status: 'current' | 'initialised' | 'migrated'; readonly from?: number }
  | { readonly status: 'newer'; readonly from: number };

/**
 * Brings a board document to the current schema. The server runs it once after loading a board and
 * before anyone syncs; a document from a newer Squall is left untouched and reported.
 */
export function migrateBoardDoc(
  doc: Y.Doc,
  origin: unknown,
  migrations: Readonly<Record<number, BoardMigration>> = BOARD_MIGRATIONS,
  target: number = BOARD_SCHEMA_VERSION,
): MigrationResult {
  const from = readSchemaVersion(doc);
  if (from === undefined) {
    doc.transact(() => boardMaps(doc).meta.set('schemaVersion', target), origin);
    return { status: 'initialised' };
  }
  if (from > target) return { status: 'newer', from };
  if (from === target) return { status: 'current' };
  doc.transact(() => {
    for (let version = from + 1; version <= target; version++) {
      const migrate = migrations[version];
      if (!migrate) throw new Error(`No migration to board schema version ${version}`);
      migrate(doc);
    }
    boardMaps(doc).meta.set('schemaVersion', target);
  }, origin);
  return { status: 'migrated', from };
}
