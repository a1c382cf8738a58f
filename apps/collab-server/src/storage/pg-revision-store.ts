import type pg from 'pg';
import { asBuffer } from './as-buffer.ts';
import {
  type NewRevision,
  REVISION_COLUMNS,
  type RevisionRecord,
  type RevisionRow,
  type RevisionStore,
  type SaveRevisionResult,
  toRevisionRecord,
} from './revision-store.ts';

/** Runs `work` in one transaction on a pooled client. */
type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/**
 * Named revisions in PostgreSQL, next to the boards. Saves of one board are serialised across
 * instances by a transaction-level advisory lock on the board id, so the count, the pruning and the
 * next number agree.
 */
export class PgRevisionStore implements RevisionStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: Transaction,
  ) {}

  save(boardId: string, revision: NewRevision, limit: number, now = Date.now()): Promise<SaveRevisionResult> {
    return this.transaction(async (client): Promise<SaveRevisionResult> => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('squall-revisions:' || $1))", [boardId]);
      const { rows: counted } = await client.query<{ count: string }>(
        'SELECT count(*) FROM board_revisions WHERE board_id = $1',
        [boardId],
      );
      let pruned: number | undefined;
      if (Number(counted[0]?.count ?? 0) >= limit) {
        const { rows } = await client.query<{ rev: number }>(
          `SELECT rev FROM board_revisions WHERE board_id = $1 AND trigger = 'export' ORDER BY rev LIMIT 1`,
          [boardId],
        );
        pruned = rows[0]?.rev;
        if (pruned === undefined) return { ok: false, reason: 'limit' };
        await client.query('DELETE FROM board_revisions WHERE board_id = $1 AND rev = $2', [boardId, pruned]);
      }
      const { rows: next } = await client.query<{ last_rev: number }>(
        `INSERT INTO board_revision_counters (board_id, last_rev) VALUES ($1, 1)
         ON CONFLICT (board_id) DO UPDATE SET last_rev = board_revision_counters.last_rev + 1
         RETURNING last_rev`,
        [boardId],
      );
      const rev = next[0]!.last_rev;
      const { rows } = await client.query<RevisionRow>(
        `INSERT INTO board_revisions (board_id, rev, name, trigger, created_at, element_count,
           connection_count, content_hash, version, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${REVISION_COLUMNS}`,
        [
          boardId,
          rev,
          revision.name,
          revision.trigger,
          now,
          revision.elementCount,
          revision.connectionCount,
          revision.contentHash,
          revision.version ?? null,
          asBuffer(revision.state),
        ],
      );
      return { ok: true, revision: toRevisionRecord(rows[0]!), pruned };
    });
  }

  async list(boardId: string): Promise<RevisionRecord[]> {
    const { rows } = await this.pool.query<RevisionRow>(
      `SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = $1 ORDER BY rev DESC`,
      [boardId],
    );
    return rows.map(toRevisionRecord);
  }

  async get(boardId: string, rev: number): Promise<RevisionRecord | undefined> {
    const { rows } = await this.pool.query<RevisionRow>(
      `SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = $1 AND rev = $2`,
      [boardId, rev],
    );
    return rows[0] && toRevisionRecord(rows[0]);
  }

  async latestExport(boardId: string): Promise<RevisionRecord | undefined> {
    const { rows } = await this.pool.query<RevisionRow>(
      `SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = $1 AND trigger = 'export'
       ORDER BY rev DESC LIMIT 1`,
      [boardId],
    );
    return rows[0] && toRevisionRecord(rows[0]);
  }

  async state(boardId: string, rev: number): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ state: Buffer }>(
      'SELECT state FROM board_revisions WHERE board_id = $1 AND rev = $2',
      [boardId, rev],
    );
    return rows[0] && new Uint8Array(rows[0].state);
  }

  async delete(boardId: string, rev: number): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM board_revisions WHERE board_id = $1 AND rev = $2', [
      boardId,
      rev,
    ]);
    return (result.rowCount ?? 0) > 0;
  }
}
