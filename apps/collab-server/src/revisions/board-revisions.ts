import {
  type BoardDiff,
  type BoardFile,
  type BoardSnapshot,
  boardFileFromSnapshot,
  type CompatibilityMode,
  diffBoards,
  FIRST_CONTRACT_VERSION,
  MAX_NAME_LENGTH,
  nextContractVersion,
} from '@squall/model';
import type { BoardRooms } from '../rooms/board-rooms.ts';
import type { RevisionRecord, RevisionStore, RevisionTrigger } from '../storage/revision-store.ts';
import { contentHash, decodeRevisionState, encodeRevisionState } from './revision-state.ts';

/** A revision as the HTTP API returns it. */
export interface RevisionSummary {
  readonly rev: number;
  readonly name: string;
  readonly trigger: RevisionTrigger;
  readonly createdAt: string;
  readonly elementCount: number;
  readonly connectionCount: number;
  /** The contracts' version, for revisions saved by an export. */
  readonly version?: string;
  readonly storedBytes: number;
}

export type SaveOutcome =
  | { readonly ok: true; readonly revision: RevisionSummary; readonly pruned: number | undefined }
  | { readonly ok: false; readonly reason: 'limit' | 'not_found' };

/** What an export through the API records: the revision it is, and the contracts' version. */
export interface ExportRevision {
  readonly revision: RevisionSummary | undefined;
  readonly version: string;
}

export interface RevisionDiff {
  readonly from: RevisionSummary;
  /** `undefined`: compared with the live board. */
  readonly to: RevisionSummary | undefined;
  readonly diff: BoardDiff;
}

/** The mode versions are judged in: the schema registries' default. */
export const VERSIONING_MODE: CompatibilityMode = 'backward';

function summary(record: RevisionRecord): RevisionSummary {
  return {
    rev: record.rev,
    name: record.name,
    trigger: record.trigger,
    createdAt: new Date(record.createdAt).toISOString(),
    elementCount: record.elementCount,
    connectionCount: record.connectionCount,
    ...(record.version ? { version: record.version } : {}),
    storedBytes: record.storedBytes,
  };
}

/**
 * Named revisions of boards: saved from the live board (in memory or loaded for the purpose), read
 * back as board files, compared with the live board or each other.
 */
export class BoardRevisions {
  constructor(
    private readonly revisions: RevisionStore,
    private readonly rooms: BoardRooms,
    private readonly options: { readonly limit: number; readonly maxBoardBytes: number },
  ) {}

  get limit(): number {
    return this.options.limit;
  }

  private async live(boardId: string): Promise<BoardSnapshot | undefined> {
    return (await this.rooms.read(boardId))?.reads.snapshot();
  }

  private async saveSnapshot(
    boardId: string,
    board: BoardSnapshot,
    name: string,
    trigger: RevisionTrigger,
    version?: string,
  ): Promise<SaveOutcome> {
    const saved = await this.revisions.save(
      boardId,
      {
        name,
        trigger,
        state: encodeRevisionState(board),
        contentHash: contentHash(board),
        ...(version ? { version } : {}),
        elementCount: board.elements.length,
        connectionCount: board.connections.length,
      },
      this.options.limit,
    );
    return saved.ok ? { ok: true, revision: summary(saved.revision), pruned: saved.pruned } : saved;
  }

  /** Saves the live board as a revision named `name`. */
  async save(boardId: string, name: string): Promise<SaveOutcome> {
    const board = await this.live(boardId);
    if (!board) return { ok: false, reason: 'not_found' };
    return this.saveSnapshot(boardId, board, name, 'manual');
  }

  /**
   * Records an export of the live board: the contracts' version relative to the last export revision
   * (major on a breaking change, minor on a compatible one), and a revision of what was exported,
   * unless the last export revision already holds exactly this content. At the revision limit with
   * only manual revisions, the export still gets its version but no revision.
   */
  async recordExport(boardId: string, board: BoardSnapshot, name: string): Promise<ExportRevision> {
    const previous = await this.revisions.latestExport(boardId);
    if (previous && previous.contentHash === contentHash(board)) {
      return { revision: summary(previous), version: previous.version ?? FIRST_CONTRACT_VERSION };
    }
    const before = previous && (await this.snapshot(boardId, previous.rev));
    const version = nextContractVersion(
      previous?.version,
      before ? diffBoards(before, board, { mode: VERSIONING_MODE }) : noDiff(),
    );
    const saved = await this.saveSnapshot(boardId, board, name, 'export', version);
    return { revision: saved.ok ? saved.revision : undefined, version };
  }

  /** Newest first. */
  async list(boardId: string): Promise<RevisionSummary[]> {
    return (await this.revisions.list(boardId)).map(summary);
  }

  async get(boardId: string, rev: number): Promise<RevisionSummary | undefined> {
    const record = await this.revisions.get(boardId, rev);
    return record && summary(record);
  }

  async snapshot(boardId: string, rev: number): Promise<BoardSnapshot | undefined> {
    const state = await this.revisions.state(boardId, rev);
    return state && decodeRevisionState(state, this.options.maxBoardBytes);
  }

  /** The revision as a board file named `<board> @<rev> (<revision name>)`. */
  async file(boardId: string, rev: number, boardName: string): Promise<BoardFile | undefined> {
    const record = await this.revisions.get(boardId, rev);
    const board = record && (await this.snapshot(boardId, rev));
    if (!record || !board) return undefined;
    return boardFileFromSnapshot(board, `${boardName} @${rev} (${record.name})`.slice(0, MAX_NAME_LENGTH));
  }

  /** Compares revision `from` with revision `to`, or with the live board. */
  async diff(
    boardId: string,
    from: number,
    mode: CompatibilityMode,
    to?: number,
  ): Promise<RevisionDiff | undefined> {
    const fromRecord = await this.revisions.get(boardId, from);
    const toRecord = to === undefined ? undefined : await this.revisions.get(boardId, to);
    if (!fromRecord || (to !== undefined && !toRecord)) return undefined;
    const before = await this.snapshot(boardId, from);
    const after = to === undefined ? await this.live(boardId) : await this.snapshot(boardId, to);
    if (!before || !after) return undefined;
    return {
      from: summary(fromRecord),
      to: toRecord && summary(toRecord),
      diff: diffBoards(before, after, { mode }),
    };
  }

  async delete(boardId: string, rev: number): Promise<boolean> {
    return this.revisions.delete(boardId, rev);
  }
}

function noDiff(): BoardDiff {
  return { mode: VERSIONING_MODE, compatible: true, breakingCount: 0, changes: [] };
}
