import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateBoardDoc } from './migrate.ts';
import { readSchemaVersion } from './read.ts';
import { BOARD_SCHEMA_VERSION, boardMaps } from './schema.ts';

describe('migrateBoardDoc', () => {
  it('stamps a new document with the current schema version', () => {
    const doc = new Y.Doc();
    expect(migrateBoardDoc(doc, 'server')).toEqual({ status: 'initialised' });
    expect(readSchemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(migrateBoardDoc(doc, 'server')).toEqual({ status: 'current' });
  });

  it('runs each migration in order, in one transaction', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('schemaVersion', 1);
    const ran: number[] = [];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const result = migrateBoardDoc(
      doc,
      'server',
      {
        2: (d) => {
          ran.push(2);
          boardMaps(d).meta.set('renamed', true);
        },
        3: () => ran.push(3),
      },
      3,
    );
    expect(result).toEqual({ status: 'migrated', from: 1 });
    expect(ran).toEqual([2, 3]);
    expect(transactions).toBe(1);
    expect(readSchemaVersion(doc)).toBe(3);
  });

  it('leaves a document from a newer Squall untouched', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('schemaVersion', BOARD_SCHEMA_VERSION + 1);
    expect(migrateBoardDoc(doc, 'server')).toEqual({ status: 'newer', from: BOARD_SCHEMA_VERSION + 1 });
    expect(readSchemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION + 1);
  });

  it('refuses to skip a missing migration and changes nothing', () => {
    const doc = new Y.Doc();
    boardMaps(doc).meta.set('schemaVersion', 1);
    expect(() => migrateBoardDoc(doc, 'server', {}, 2)).toThrow(/No migration to board schema version 2/);
    expect(readSchemaVersion(doc)).toBe(1);
  });
});
