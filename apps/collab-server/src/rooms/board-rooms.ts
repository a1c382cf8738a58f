import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { SqliteStore } from '../storage/sqlite-store.ts';
import { BoardRoom } from './board-room.ts';

export interface BoardRoomsOptions {
  readonly store: SqliteStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly evictAfterMs: number;
  readonly awarenessTickMs: number;
  readonly compactAfterUpdates: number;
  readonly compactIdleMs: number;
  readonly maxNoteTextLength: number;
  readonly maxElementsPerBoard: number;
  readonly maxBoardBytes: number;
}

/** The boards in memory: loaded on first connection, evicted a grace period after the last one leaves. */
export class BoardRooms {
  private readonly rooms = new Map<string, BoardRoom>();
  private readonly evictions = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: BoardRoomsOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  get(id: string): BoardRoom | undefined {
    return this.rooms.get(id);
  }

  /** The board's room, loading it if needed; `undefined` when the board does not exist. */
  open(id: string): BoardRoom | undefined {
    this.cancelEviction(id);
    const loaded = this.rooms.get(id);
    if (loaded) return loaded;
    const { store, metrics, log, awarenessTickMs, compactAfterUpdates, compactIdleMs } = this.options;
    const room = BoardRoom.load(id, {
      store,
      metrics,
      log,
      awarenessTickMs,
      compactAfterUpdates,
      compactIdleMs,
      maxNoteTextLength: this.options.maxNoteTextLength,
      maxElementsPerBoard: this.options.maxElementsPerBoard,
      maxBoardBytes: this.options.maxBoardBytes,
      locked: store.getAccess(id)?.locked ?? false,
      onEmpty: (empty) => this.scheduleEviction(empty),
      onBroken: (broken) => this.forget(broken),
    });
    if (!room) return undefined;
    this.rooms.set(id, room);
    metrics.boardsLoaded.set(this.rooms.size);
    log.debug({ board: id }, 'board loaded');
    return room;
  }

  /**
   * The board's room for a reader that is not a peer (an HTTP request): loaded as for a peer, so a
   * page that fetches the board and then connects loads it once, and evicted after the grace period
   * unless a peer joins.
   */
  read(id: string): BoardRoom | undefined {
    const room = this.open(id);
    if (room && room.peerCount === 0) this.scheduleEviction(room);
    return room;
  }

  private scheduleEviction(room: BoardRoom): void {
    this.cancelEviction(room.id);
    const timer = setTimeout(() => this.evict(room.id), this.options.evictAfterMs);
    this.evictions.set(room.id, timer);
  }

  private cancelEviction(id: string): void {
    clearTimeout(this.evictions.get(id));
    this.evictions.delete(id);
  }

  /** Saves and drops a board nobody is connected to. */
  evict(id: string): void {
    const room = this.rooms.get(id);
    if (!room || room.peerCount > 0) return;
    room.destroy({ save: true });
    this.forget(room);
    this.options.log.debug({ board: id }, 'board evicted');
  }

  /** A board was deleted: disconnect everyone and drop it without saving. */
  remove(id: string, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.closeAll(code, reason);
    room.destroy({ save: false });
    this.forget(room);
  }

  /** Shutdown: disconnect everyone, save every board. */
  closeAll(code: number, reason: string): void {
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, reason);
      room.destroy({ save: true });
      this.forget(room);
    }
  }

  private forget(room: BoardRoom): void {
    this.cancelEviction(room.id);
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    this.options.metrics.boardsLoaded.set(this.rooms.size);
  }
}
