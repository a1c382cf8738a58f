import {
  applyWorkshopAction,
  type BoardFile,
  type BoardSnapshot,
  boardFileFromSnapshot,
  isFacilitator,
  MAX_NAME_LENGTH,
  migrateBoardDoc,
  readWorkshop,
  type WorkshopOutcome,
  type WorkshopState,
  workshopSummary,
  writeBoardContent,
  writeWorkshopChanges,
} from '@squall/model';
import * as Y from 'yjs';
import { type BoardAccess, type BoardCapabilities, boardPageUrl } from './access/board-access.ts';
import type { BoardLink, BoardRole } from './access/capability.ts';
import { newBoardId } from './board-id.ts';
import type { BoardRevisions } from './revisions/board-revisions.ts';
import { BoardReads } from './rooms/board-reads.ts';
import { SERVER_ORIGIN } from './rooms/board-room.ts';
import type { BoardRooms } from './rooms/board-rooms.ts';
import type { BoardRecord, BoardStore } from './storage/board-store.ts';
import { CloseCode } from './sync/close-codes.ts';

/** A board as the HTTP API returns it. */
export interface BoardSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly elementCount: number;
  readonly connectionCount: number;
  /** Clients connected right now. */
  readonly activeConnections: number;
}

/** A board as its creator first sees it: the summary plus its capabilities (shown once, never again). */
export interface CreatedBoard extends BoardSummary, BoardCapabilities {
  /** Web page of the edit link: `/b/<id>?token=<editToken>`. */
  readonly editUrl: string;
  /** Web page of the view-only link. */
  readonly viewUrl: string;
}

/** A board as a caller holding one of its capabilities sees it. */
export interface AccessibleBoard extends BoardSummary {
  /** What the caller's token allows. */
  readonly access: BoardRole;
  /** Locked by its owner: every connection is read-only. */
  readonly locked: boolean;
}

export const DEFAULT_BOARD_NAME = 'Untitled board';

export class InvalidNameError extends Error {}

/** A board name from user input: trimmed, non-empty, at most the board file's name length. */
export function normaliseBoardName(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidNameError('"name" must be a string');
  const name = value.trim();
  if (name === '') throw new InvalidNameError('"name" must not be empty');
  if (name.length > MAX_NAME_LENGTH)
    throw new InvalidNameError(`"name" is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

/** Board lifecycle on top of the store and the live rooms; the HTTP API is a thin layer over this. */
export class BoardService {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: BoardRooms,
    readonly access: BoardAccess,
    readonly revisions: BoardRevisions,
  ) {}

  /** Creates a board seeded by the server (schema version set, optional imported content). */
  async create(
    name: string,
    content?: Pick<BoardSnapshot, 'level' | 'elements' | 'connections'>,
  ): Promise<CreatedBoard> {
    const doc = new Y.Doc();
    try {
      migrateBoardDoc(doc, SERVER_ORIGIN);
      if (content) writeBoardContent(doc, content, SERVER_ORIGIN);
      const id = newBoardId();
      const { capabilities, hashes } = this.access.issue();
      const reads = new BoardReads(doc);
      await this.store.createBoard({
        id,
        name,
        snapshot: Y.encodeStateAsUpdate(doc),
        access: hashes,
        preview: reads.previewText(),
        ...reads.counts(),
      });
      return {
        ...(await this.get(id))!,
        ...capabilities,
        editUrl: boardPageUrl(id, capabilities.editToken),
        viewUrl: boardPageUrl(id, capabilities.viewToken),
      };
    } finally {
      doc.destroy();
    }
  }

  /** The boards these tokens open, most recently updated first (nothing for no tokens). */
  async listFor(tokens: readonly string[]): Promise<AccessibleBoard[]> {
    const boards: AccessibleBoard[] = [];
    for (const { boardId, role, locked } of await this.access.boardsFor(tokens)) {
      const board = await this.get(boardId);
      if (board) boards.push({ ...board, access: role, locked });
    }
    return boards.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  /**
   * Locks (everyone read-only) or unlocks a board; its sockets, on every instance, reconnect to learn
   * the new state.
   */
  async setLocked(id: string, locked: boolean): Promise<void> {
    await this.access.setLocked(id, locked);
    this.rooms.get(id)?.setLocked(locked);
    this.rooms.announce(id, { kind: 'locked', locked });
  }

  /** A new token for one link; sockets opened with the old one are closed and it stops working. */
  async rotate(id: string, link: BoardLink): Promise<{ token: string; url: string } | undefined> {
    const rotated = await this.access.rotate(id, link);
    if (!rotated) return undefined;
    this.rooms
      .get(id)
      ?.closeConnectionsOf(rotated.oldHash, CloseCode.linkRotated, `the ${link} link was rotated`);
    this.rooms.announce(id, { kind: 'rotated', link, tokenHash: rotated.oldHash });
    return { token: rotated.token, url: boardPageUrl(id, rotated.token) };
  }

  async get(id: string): Promise<BoardSummary | undefined> {
    const record = await this.store.getBoard(id);
    return record && this.summarise(record);
  }

  async rename(id: string, name: string): Promise<BoardSummary | undefined> {
    return (await this.store.renameBoard(id, name)) ? this.get(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.store.deleteBoard(id);
    if (deleted) {
      this.rooms.remove(id, CloseCode.boardDeleted, 'board deleted');
      this.rooms.announce(id, { kind: 'deleted' });
    }
    return deleted;
  }

  /** The board as a v1 board file (see `fileText` for its serialised form). */
  async file(id: string): Promise<BoardFile | undefined> {
    const record = await this.store.getBoard(id);
    const room = record && (await this.rooms.read(id));
    return room && boardFileFromSnapshot(room.reads.snapshot(), record.name);
  }

  /**
   * What a first picture of the board is drawn from (see `BoardReads.previewText`): as stored with its
   * snapshot while that is current, so a page opening a large board draws it without waiting for the
   * server to load it; else from the board in memory.
   */
  async previewText(id: string): Promise<string | undefined> {
    if (!(await this.store.getBoard(id))) return undefined;
    // The stored preview is current until the board's first change after it was saved.
    return (await this.store.currentPreview(id)) ?? (await this.rooms.read(id))?.reads.previewText();
  }

  /** The board's file as `GET /api/boards/:id/file` serves it, cached until the board changes. */
  async fileText(id: string): Promise<{ readonly name: string; readonly text: string } | undefined> {
    const record = await this.store.getBoard(id);
    const room = record && (await this.rooms.read(id));
    return room && { name: record.name, text: room.reads.fileText(record.name) };
  }

  /** The board's workshop state (phase, timer, facilitators…), as the document holds it. */
  async workshop(id: string): Promise<WorkshopState | undefined> {
    const room = (await this.store.getBoard(id)) && (await this.rooms.read(id));
    return room ? readWorkshop(room.doc) : undefined;
  }

  /** The workshop's Markdown summary (`GET /api/boards/:id/summary.md`), as of now. */
  async summary(id: string): Promise<{ readonly name: string; readonly text: string } | undefined> {
    const record = await this.store.getBoard(id);
    const room = record && (await this.rooms.read(id));
    if (!room) return undefined;
    const text = workshopSummary({
      boardName: record.name,
      board: room.reads.snapshot(),
      workshop: readWorkshop(room.doc),
      generatedAt: Date.now(),
    });
    return { name: record.name, text };
  }

  /**
   * A workshop action asked by `who` (established by the caller from the request's token and participant
   * secret): the model's rule decides; accepted changes are written by the server into the document,
   * persisted and relayed like any update. Peers never write the workshop map themselves.
   */
  async workshopAction(
    id: string,
    body: Readonly<Record<string, unknown>>,
    who: { participantId: string; name: string; owner: boolean },
  ): Promise<(WorkshopOutcome & { state?: WorkshopState; now: number }) | undefined> {
    const room = (await this.store.getBoard(id)) && (await this.rooms.read(id));
    if (!room) return undefined;
    // The clock of the moment the action is applied (after the board was loaded).
    const now = Date.now();
    const state = readWorkshop(room.doc);
    const actor = { ...who, facilitator: isFacilitator(state, who.participantId, who.owner) };
    const outcome = applyWorkshopAction(state, body, actor, now);
    if (!outcome.ok) return { ...outcome, now };
    if (Object.keys(outcome.changes).length > 0)
      writeWorkshopChanges(room.doc, outcome.changes, SERVER_ORIGIN);
    return { ...outcome, state: readWorkshop(room.doc), now };
  }

  private summarise(record: BoardRecord): BoardSummary {
    const room = this.rooms.get(record.id);
    // A room not yet applied holds what is stored, and the stored counts describe that.
    const counts = room?.applied ? room.reads.counts() : record;
    return {
      id: record.id,
      name: record.name,
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      elementCount: counts.elementCount,
      connectionCount: counts.connectionCount,
      activeConnections: room?.peerCount ?? 0,
    };
  }
}
