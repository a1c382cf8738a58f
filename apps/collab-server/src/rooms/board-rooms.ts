import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardRelay, RelayedMessage } from '../relay/board-relay.ts';
import type { BoardStore } from '../storage/board-store.ts';
import { CloseCode } from '../sync/close-codes.ts';
import { BoardRoom } from './board-room.ts';
import { SlowPersistWarning } from './slow-persist-warning.ts';

export interface BoardRoomsOptions {
  readonly store: BoardStore;
  /** Other instances (`REDIS_URL`); without it this process is the only one. */
  readonly relay?: BoardRelay;
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
  private readonly loading = new Map<string, Promise<BoardRoom | undefined>>();
  /** Rooms leaving memory whose last writes are still on their way to the store. */
  private readonly leaving = new Map<string, Promise<void>>();
  private readonly evictions = new Map<string, NodeJS.Timeout>();
  private readonly slowPersist: SlowPersistWarning;

  constructor(private readonly options: BoardRoomsOptions) {
    this.slowPersist = new SlowPersistWarning(options.log);
    options.relay?.onReconnect(() => {
      for (const room of this.rooms.values()) this.catchUp(room);
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  get(id: string): BoardRoom | undefined {
    return this.rooms.get(id);
  }

  /** The board's room, loading it if needed; `undefined` when the board does not exist. */
  open(id: string): Promise<BoardRoom | undefined> {
    this.cancelEviction(id);
    const loaded = this.rooms.get(id);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async load(id: string): Promise<BoardRoom | undefined> {
    // A room of this board still saving: load what it saved, not what it had saved so far.
    await this.leaving.get(id);
    const { store, relay, metrics, log, awarenessTickMs, compactAfterUpdates, compactIdleMs } = this.options;
    const access = await store.getAccess(id);
    const room = await BoardRoom.load(id, {
      store,
      relay: relay && { publish: (message) => relay.publish(id, message) },
      metrics,
      log,
      slowPersist: this.slowPersist,
      awarenessTickMs,
      compactAfterUpdates,
      compactIdleMs,
      maxNoteTextLength: this.options.maxNoteTextLength,
      maxElementsPerBoard: this.options.maxElementsPerBoard,
      maxBoardBytes: this.options.maxBoardBytes,
      locked: access?.locked ?? false,
      onEmpty: (empty) => this.scheduleEviction(empty),
      onBroken: (broken) => this.forget(broken),
      onDeleted: (deleted) => this.remove(deleted.id, CloseCode.boardDeleted, 'board deleted'),
    });
    if (!room) return undefined;
    this.rooms.set(id, room);
    metrics.boardsLoaded.set(this.rooms.size);
    log.debug({ board: id }, 'board loaded');
    if (relay) {
      // What other instances did between our read and the subscription would be missed: read again
      // once subscribed (Yjs applies what it already has as a no-op).
      relay
        .join(id, (message) => this.relayed(id, message))
        .then(() => {
          if (this.rooms.get(id) === room) this.catchUp(room);
        });
    }
    return room;
  }

  /**
   * Tells the other instances holding the board that this one does (they answer `here`), exchanges
   * presence, and reads the board back from the shared database into the room (relayed messages are
   * lost while Redis is down, or before this instance subscribed).
   */
  private catchUp(room: BoardRoom): void {
    this.options.relay?.publish(room.id, { kind: 'hello' });
    room.publishPresence();
    room.readBack();
  }

  private relayed(id: string, message: RelayedMessage): void {
    const room = this.rooms.get(id);
    if (!room) return;
    switch (message.kind) {
      case 'locked':
        room.setLocked(message.locked);
        return;
      case 'deleted':
        this.remove(id, CloseCode.boardDeleted, 'board deleted');
        return;
      case 'rotated':
        room.closeConnectionsOf(
          message.tokenHash,
          CloseCode.linkRotated,
          `the ${message.link} link was rotated`,
        );
        return;
      case 'hello':
        // Another instance started holding the board, or got Redis back.
        this.options.relay?.publish(id, { kind: 'here' });
        this.met(room);
        return;
      case 'here':
        this.met(room);
        return;
      case 'update':
      case 'awareness':
        room.receiveRelayed(message);
    }
  }

  /**
   * Another instance holding the board and this one have just heard of each other. Until then each may
   * have kept to itself what the other needed (the relay publishes nothing for a board no other instance
   * is known to hold): each sends its clients' presence now and reads the board back from the database.
   */
  private met(room: BoardRoom): void {
    room.publishPresence();
    room.readBack();
    this.refreshAccess(room);
  }

  /** The owner's lock and link rotations as stored, for when their announcement did not reach this instance. */
  private refreshAccess(room: BoardRoom): void {
    Promise.resolve(this.options.store.getAccess(room.id)).then(
      (access) => {
        if (!access || this.rooms.get(room.id) !== room) return;
        if (access.locked !== room.isLocked) room.setLocked(access.locked);
        room.closeConnectionsExcept(
          [access.editHash, access.viewHash, access.ownerHash],
          CloseCode.linkRotated,
          'link rotated: ask the board owner for the new link',
        );
      },
      (error: unknown) =>
        this.options.log.error({ board: room.id, err: error }, 'could not read the board access'),
    );
  }

  /** Tells the other instances holding the board (owner actions: lock, rotate, delete). */
  announce(id: string, message: RelayedMessage): void {
    this.options.relay?.publish(id, message);
  }

  /**
   * The board's room for a reader that is not a peer (an HTTP request): loaded as for a peer, so a
   * page that fetches the board and then connects loads it once, and evicted after the grace period
   * unless a peer joins.
   */
  async read(id: string): Promise<BoardRoom | undefined> {
    const room = await this.open(id);
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

  /** Saves and drops a board nobody is connected to; resolves once it is saved. */
  evict(id: string): Promise<void> | undefined {
    const room = this.rooms.get(id);
    if (!room || room.peerCount > 0) return undefined;
    const saved = this.leave(room, room.destroy({ save: true }));
    this.options.log.debug({ board: id }, 'board evicted');
    return saved;
  }

  /** A board was deleted: disconnect everyone and drop it without saving. */
  remove(id: string, code: number, reason: string): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.closeAll(code, reason);
    room.destroy({ save: false });
    this.forget(room);
  }

  /** Shutdown: disconnect everyone, save every board; resolves once all are saved. */
  async closeAll(code: number, reason: string): Promise<void> {
    const saved: Array<Promise<void> | undefined> = [];
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, reason);
      saved.push(this.leave(room, room.destroy({ save: true })));
    }
    await Promise.all([...saved, ...this.leaving.values()]);
  }

  private leave(room: BoardRoom, saved: Promise<void> | undefined): Promise<void> | undefined {
    this.forget(room);
    if (!saved) return undefined;
    const done = saved.finally(() => {
      if (this.leaving.get(room.id) === done) this.leaving.delete(room.id);
    });
    this.leaving.set(room.id, done);
    return done;
  }

  private forget(room: BoardRoom): void {
    this.cancelEviction(room.id);
    if (this.rooms.get(room.id) === room) {
      this.rooms.delete(room.id);
      this.options.relay?.leave(room.id);
    }
    this.options.metrics.boardsLoaded.set(this.rooms.size);
  }
}
