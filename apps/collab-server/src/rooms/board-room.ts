import { MAX_PARTICIPANTS, migrateBoardDoc } from '@squall/model';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { RelayedChange, RoomRelay } from '../relay/board-relay.ts';
import { type BoardStore, type StoredBoardState, settle } from '../storage/board-store.ts';
import { CloseCode } from '../sync/close-codes.ts';
import {
  type AwarenessEntry,
  type ClientMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodeUpdate,
  isNullState,
  ProtocolError,
} from '../sync/protocol.ts';
import { ParticipantRecorder } from '../workshop/participant-recorder.ts';
import { checkPeerUpdate } from '../workshop/protected-roots.ts';
import { BoardReads } from './board-reads.ts';
import { HeldUpdates } from './held-updates.ts';
import type { Peer } from './peer.ts';
import type { SlowPersistWarning } from './slow-persist-warning.ts';

/** A state vector that lists no clients: the sender's document is empty. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * The types that received new items in `transaction`. (`transaction.changed` leaves out types created in
 * the same transaction, e.g. the text of a note added with its text, and top-level types this server
 * never named are plain `AbstractType`s, so neither `changed` nor `instanceof Y.Text` would do.)
 */
function typesGrownBy(doc: Y.Doc, transaction: Y.Transaction): Set<Y.AbstractType<unknown>> {
  const types = new Set<Y.AbstractType<unknown>>();
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (struct instanceof Y.Item && struct.parent instanceof Y.AbstractType) types.add(struct.parent);
    }
  }
  return types;
}

/** Entries of a map-like type that are not deleted. */
function liveEntries(type: Y.AbstractType<unknown>): number {
  let count = 0;
  for (const item of type._map.values()) if (!item.deleted) count++;
  return count;
}

/**
 * Applies `update`; true when Yjs held some of it back for predecessors the document lacks. Compared
 * with what it held before, so something a client once sent with a gap does not count for every update.
 */
function applyLeavesMissing(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  const { store } = doc;
  const structsBefore = store.pendingStructs?.update;
  const deletesBefore = store.pendingDs;
  Y.applyUpdate(doc, update, origin);
  const structs = store.pendingStructs?.update;
  return (
    (structs !== undefined && structs !== structsBefore) ||
    (store.pendingDs !== null && store.pendingDs !== deletesBefore)
  );
}

/** Origin of the server's own writes (schema migration on load). */
export const SERVER_ORIGIN = 'squall-server';

/**
 * Origin of changes that are already durable, made on another instance (relayed through Redis, or read
 * back from the shared database): sent on to this room's peers, never stored or published again.
 */
export const RELAYED_ORIGIN = 'squall-relayed';

export interface BoardRoomOptions {
  readonly store: BoardStore;
  /** The other instances holding this board (`REDIS_URL`); none for a single process. */
  readonly relay?: RoomRelay;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** The process's warning about slow appends (shared: one line sums up every board's). */
  readonly slowPersist: SlowPersistWarning;
  readonly awarenessTickMs: number;
  readonly compactAfterUpdates: number;
  readonly compactIdleMs: number;
  readonly maxNoteTextLength: number;
  readonly maxElementsPerBoard: number;
  readonly maxBoardBytes: number;
  /** Locked by its owner when loaded (every peer read-only). */
  readonly locked: boolean;
  /** Called when the last peer leaves (the registry starts the eviction grace period). */
  readonly onEmpty: (room: BoardRoom) => void;
  /** Called when storage failed and the room must be dropped without saving. */
  readonly onBroken: (room: BoardRoom) => void;
  /** Called when reading the board back found it deleted (its owner deleted it through another instance). */
  readonly onDeleted: (room: BoardRoom) => void;
}

/**
 * One board in memory and the peers editing it. Its document is complete (snapshot + appended updates,
 * migrated) before anything reads or changes it, every change is appended to the store before it is
 * relayed, and awareness changes are merged and relayed once per tick so cursors cannot drown edits.
 *
 * A board stored as one snapshot is applied lazily: a client opening it with an empty document is sent
 * the stored snapshot as it is, and only then does the server apply it (a 5,000-note board takes
 * ~300 ms), so the client's applying and the server's run side by side instead of one after the other.
 */
export class BoardRoom {
  private readonly loadedDoc = new Y.Doc();
  private readonly loadedReads = new BoardReads(this.loadedDoc);
  /** The stored snapshot is not applied to the document yet (see `applyStored`). */
  private unapplied = true;
  /** The snapshot as stored, while it is still the whole board (until the first change). */
  private storedSnapshot: Uint8Array | undefined;
  /** Peers that joined before the document was applied: their sync step 1 follows the applying. */
  private readonly awaitingStep1 = new Set<Peer>();
  /** The store holds a preview of the board as it is (see `SqliteStore.currentPreview`). */
  private previewStored = false;
  readonly awareness: Awareness;
  /** Each peer and the awareness client ids it announced while connected (its own presence). */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Who announced each awareness client id: only that peer may change or remove it while connected. */
  private readonly awarenessOwners = new Map<number, Peer>();
  private lastSeq: number;
  /** Updates this room appended since the last compaction (relayed ones are another instance's to fold). */
  private unfolded: number;
  /** Updates waiting for the store (one write at a time; they are relayed once it has committed them). */
  private readonly unwritten: Array<{ readonly update: Uint8Array; readonly origin: unknown }> = [];
  /** A write in flight (asynchronous stores): resolves when it and those queued after it are committed. */
  private writing: Promise<void> | undefined;
  /** A compaction in flight (asynchronous stores). */
  private compaction: Promise<void> | undefined;
  /**
   * Awareness client ids changed here since the last tick (by this instance's peers, or expired): sent to
   * the peers and published to the other instances. Relayed changes are sent on as they come instead.
   */
  private readonly pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastAwarenessFlush = Number.NEGATIVE_INFINITY;
  /** Sync step 2 for an empty client (the whole board), until the document changes. */
  private wholeBoard: Uint8Array | undefined;
  private compactTimer: NodeJS.Timeout | undefined;
  private compactSoon: NodeJS.Immediate | undefined;
  private closed = false;
  /** A read of the database is in flight (`readBack`); another was asked for meanwhile. */
  private readingBack = false;
  private readBackAgain = false;
  /** Snapshot plus appended updates, as stored (the per-board size limit applies to this). */
  private storedBytes = 0;
  private locked: boolean;
  /** With a shared store: updates the document holds whole, so a compaction skips their rows. */
  private readonly held: HeldUpdates | undefined;
  /** The stored snapshot as this room loaded or last wrote it: held whole, not applied again. */
  private heldSnapshot: Uint8Array | undefined;
  private readonly participants = new ParticipantRecorder(() => this.doc, SERVER_ORIGIN);
  private presenceBeforeApply: unknown[] = [];

  /** Loads a board from the store; `undefined` when there is no such board. */
  static async load(id: string, options: BoardRoomOptions): Promise<BoardRoom | undefined> {
    const state = await options.store.loadBoardState(id);
    if (!state) return undefined;
    const previewStored = await options.store.hasCurrentPreview(id);
    const room = new BoardRoom(id, options, state.lastSeq, state.updates.length);
    room.storedBytes = state.updates.reduce(
      (sum, update) => sum + update.byteLength,
      state.snapshot.byteLength,
    );
    room.previewStored = previewStored;
    room.storedSnapshot = state.snapshot;
    room.heldSnapshot = state.snapshot;
    // Updates appended after the snapshot (a crash before compaction): applied now, so that the
    // snapshot alone never passes for the whole board.
    if (state.updates.length > 0) room.applyStored(state.updates);
    return room;
  }

  /** The stored state has been applied to the document (reading `doc` or `reads` applies it). */
  get applied(): boolean {
    return !this.unapplied;
  }

  /** The board's document, complete: the stored state is applied first if it was not yet. */
  get doc(): Y.Doc {
    this.applyStored();
    return this.loadedDoc;
  }

  /** The HTTP API's reads of this board, cached until the next change. */
  get reads(): BoardReads {
    this.applyStored();
    return this.loadedReads;
  }

  private applyStored(updates: readonly Uint8Array[] = []): void {
    const snapshot = this.storedSnapshot;
    if (!this.unapplied || snapshot === undefined || this.closed) return;
    this.unapplied = false;
    const doc = this.loadedDoc;
    Y.applyUpdate(doc, snapshot, SERVER_ORIGIN);
    for (const update of updates) Y.applyUpdate(doc, update, SERVER_ORIGIN);
    // With updates appended after it, the snapshot alone is not the whole board.
    if (updates.length > 0) this.storedSnapshot = undefined;
    // From here on every change is persisted, including the migration below.
    doc.on('update', this.onDocUpdate);
    const migration = migrateBoardDoc(doc, SERVER_ORIGIN);
    for (const state of this.presenceBeforeApply.splice(0)) this.participants.seen(state);
    if (migration.status === 'newer') {
      this.options.log.warn(
        { board: this.id, version: migration.from },
        'board was written by a newer Squall',
      );
    }
    // Now the server can ask the early joiners for what they have that it lacks.
    for (const peer of this.awaitingStep1) peer.send(encodeSyncStep1(doc));
    this.awaitingStep1.clear();
  }

  private constructor(
    readonly id: string,
    private readonly options: BoardRoomOptions,
    lastSeq: number,
    unfolded: number,
  ) {
    this.lastSeq = lastSeq;
    this.unfolded = unfolded;
    this.locked = options.locked;
    this.held = options.store.shared ? new HeldUpdates() : undefined;
    this.awareness = new Awareness(this.loadedDoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get peerCount(): number {
    return this.peers.size;
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    if (this.unapplied) this.awaitingStep1.add(peer);
    else peer.send(encodeSyncStep1(this.loadedDoc));
    if (this.awareness.getStates().size > 0) peer.send(this.allAwareness());
  }

  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    this.awaitingStep1.delete(peer);
    for (const client of clients)
      if (this.awarenessOwners.get(client) === peer) this.awarenessOwners.delete(client);
    if (clients.size > 0) removeAwarenessStates(this.awareness, [...clients], null);
    if (this.peers.size === 0 && !this.closed) this.options.onEmpty(this);
  }

  /** Applies one validated message. Throws `ProtocolError` when the peer must be disconnected. */
  receive(peer: Peer, message: ClientMessage): void {
    if (this.closed || !this.peers.has(peer)) return;
    switch (message.kind) {
      case 'syncStep1':
        if (this.unapplied && isEmptyStateVector(message.stateVector)) {
          // The whole board, as stored, goes out at once; the server applies it once it is on its way.
          peer.send(this.syncStep2For(message.stateVector), () => this.applyStored());
          return;
        }
        peer.send(this.syncStep2For(message.stateVector));
        return;
      case 'update':
        // View links, and every connection of a locked board (the owner key's too: locked means
        // read-only for everyone): the update (sync step 2 included) is dropped, the socket stays.
        if (peer.readOnly || this.locked) {
          this.options.metrics.readOnlyUpdatesDropped.inc();
          return;
        }
        if (this.writesServerState(peer, message.update)) return;
        try {
          Y.applyUpdate(this.doc, message.update, peer);
        } catch (error) {
          // Whatever part did apply was persisted and relayed by onDocUpdate: the room stays consistent.
          throw new ProtocolError(
            CloseCode.updateRejected,
            `update rejected: fails to apply (${error instanceof Error ? error.message : String(error)})`,
          );
        }
        return;
      case 'awareness': {
        const fresh = message.entries.filter((entry) => this.isNewAwareness(entry));
        const allowed = fresh.filter((entry) => this.mayChangeAwareness(peer, entry));
        if (allowed.length < fresh.length) {
          // Someone else's presence (a spoofed cursor, a removal of another client): dropped, not applied.
          // y-websocket clients resend their own state, so a peer that lost a race loses nothing for long.
          this.options.log.debug(
            {
              board: this.id,
              peer: peer.id,
              clients: fresh.filter((entry) => !allowed.includes(entry)).map((entry) => entry.client),
            },
            'awareness entries for clients of other peers dropped',
          );
        }
        if (allowed.length === 0) return;
        try {
          applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(allowed), peer);
        } catch {
          throw new ProtocolError(CloseCode.updateRejected, 'awareness rejected: state is not JSON');
        }
        return;
      }
      case 'queryAwareness':
        peer.send(this.allAwareness());
        return;
    }
  }

  /**
   * Whether a peer's update touches what only the server writes (the workshop state: facilitators, phase,
   * timer…): then it is dropped whole, as a view link's is, and the socket stays. Peers change the
   * workshop through the HTTP API, whose rules check who asks.
   */
  private writesServerState(peer: Peer, update: Uint8Array): boolean {
    let check: ReturnType<typeof checkPeerUpdate>;
    try {
      check = checkPeerUpdate(this.doc, update);
    } catch (error) {
      throw new ProtocolError(
        CloseCode.updateRejected,
        `update rejected: does not decode (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (check === 'malformed') {
      throw new ProtocolError(
        CloseCode.updateRejected,
        'update rejected: fails to apply (its origins run in a circle)',
      );
    }
    if (check === 'unresolved') {
      // Yjs would park it and integrate it later, under whatever arrives with those ids: not kept. A real
      // client's next sync (after reconnecting) carries what was missing.
      throw new ProtocolError(
        CloseCode.updateAhead,
        'update refers to items this server does not hold (yet); reconnect to resend it',
      );
    }
    if (check === 'ok') return false;
    this.options.metrics.workshopWritesDropped.inc();
    this.options.log.warn({ board: this.id, peer: peer.id }, 'update touching the workshop state dropped');
    return true;
  }

  /**
   * The answer to a client's state vector. A client opening a board starts from an empty document, so
   * that answer (the whole board) is cached until the next change: a crowd joining at once costs one
   * encoding, not one per client.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    // Until the first change, the stored snapshot is that answer, and needs no encoding (nor the document).
    this.wholeBoard ??= this.storedSnapshot
      ? encodeSyncStep2Update(this.storedSnapshot)
      : encodeSyncStep2(this.doc, stateVector);
    return this.wholeBoard;
  }

  /** The rule y-protocols applies, checked before parsing: a newer clock, or a removal at the same clock. */
  private isNewAwareness({ client, clock, state }: AwarenessEntry): boolean {
    const known = this.awareness.meta.get(client);
    if (!known || known.clock < clock) return true;
    return known.clock === clock && isNullState(state) && this.awareness.states.has(client);
  }

  /**
   * Whether `peer` may set this awareness entry: a client id another connected peer announced is that
   * peer's alone (nobody else moves or removes its cursor), and an id nobody announced may be announced
   * (then it is this peer's until it leaves) but not removed.
   */
  private mayChangeAwareness(peer: Peer, { client, state }: AwarenessEntry): boolean {
    const owner = this.awarenessOwners.get(client);
    if (owner) return owner === peer;
    return !isNullState(state);
  }

  private allAwareness(): Uint8Array {
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** Owner lock: from now on every peer (the owner's too) is read-only; peers reconnect to learn it. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    this.closeAll(CloseCode.accessChanged, locked ? 'board locked' : 'board unlocked');
  }

  /** Closes the peers that connected with the capability hashing to `tokenHash` (a rotated link). */
  closeConnectionsOf(tokenHash: string, code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) if (peer.tokenHash === tokenHash) peer.close(code, reason);
  }

  /** Closes the peers that connected with a capability no longer among `tokenHashes` (rotated links). */
  closeConnectionsExcept(tokenHashes: readonly string[], code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) {
      if (peer.tokenHash !== undefined && !tokenHashes.includes(peer.tokenHash)) peer.close(code, reason);
    }
  }

  /** Why a peer's transaction must not be kept, or `undefined` when it stays within the limits. */
  private limitBroken(update: Uint8Array, transaction: Y.Transaction): string | undefined {
    const { maxBoardBytes, maxElementsPerBoard, maxNoteTextLength } = this.options;
    if (this.storedBytes + update.byteLength > maxBoardBytes) {
      return `limit exceeded: the board would be over ${maxBoardBytes} bytes`;
    }
    for (const type of typesGrownBy(this.doc, transaction)) {
      if (type._length > maxNoteTextLength) {
        return `limit exceeded: a text is over ${maxNoteTextLength} characters`;
      }
      if (type._item === null && liveEntries(type) > maxElementsPerBoard) {
        return `limit exceeded: over ${maxElementsPerBoard} elements`;
      }
    }
    return undefined;
  }

  /**
   * A peer's update broke a limit. It is already in the in-memory document (Yjs cannot take it back)
   * but not in storage and not relayed: the sender is closed for good and the room is dropped, so the
   * other peers reconnect to the board as stored.
   */
  private refuse(offender: Peer, reason: string): void {
    this.options.metrics.rejected.inc({ reason: 'limitExceeded' });
    this.options.log.warn({ board: this.id, peer: offender.id, reason }, 'update refused');
    offender.close(CloseCode.limitExceeded, reason);
    this.closeAll(CloseCode.boardReloaded, 'board reloaded after a refused update');
    this.destroy({ save: false });
    this.options.onBroken(this);
  }

  private readonly onDocUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    this.wholeBoard = undefined;
    this.storedSnapshot = undefined;
    if (this.closed) return;
    this.storedBytes += update.byteLength;
    if (origin === RELAYED_ORIGIN) {
      // Stored by the instance it came from, and sent to the others by it: only our peers need it.
      const message = encodeUpdate(update);
      for (const peer of this.peers.keys()) peer.send(message);
      return;
    }
    if (this.peers.has(origin as Peer)) {
      const broken = this.limitBroken(update, transaction);
      if (broken) {
        this.refuse(origin as Peer, broken);
        return;
      }
    }
    this.unwritten.push({ update, origin });
    if (!this.writing) this.writeUnwritten();
  };

  /**
   * Stores the queued updates in one write, then relays them (to this room's peers and the other
   * instances): nothing is relayed before it is durable. A synchronous store (SQLite) commits and relays
   * before the update event returns, as a single process always did; with an asynchronous one, updates
   * that arrive while a write is in flight go out together in the next.
   */
  private writeUnwritten(): void {
    const batch = this.unwritten.splice(0);
    if (batch.length === 0 || this.closed) return;
    const started = performance.now();
    let written: ReturnType<BoardStore['appendUpdates']>;
    try {
      written = this.options.store.appendUpdates(
        this.id,
        batch.map((entry) => entry.update),
      );
    } catch (error) {
      this.storageFailed(error);
      return;
    }
    const relay = (lastSeq: number) => {
      this.writing = undefined;
      this.persisted(batch, lastSeq, started);
      if (this.unwritten.length > 0) this.writeUnwritten();
    };
    if (!(written instanceof Promise)) {
      relay(written);
      return;
    }
    this.writing = written.then(relay, (error: unknown) => {
      this.writing = undefined;
      this.storageFailed(error);
    });
  }

  private persisted(
    batch: ReadonlyArray<{ readonly update: Uint8Array; readonly origin: unknown }>,
    lastSeq: number,
    started: number,
  ): void {
    if (this.closed) return;
    const { metrics, relay, slowPersist } = this.options;
    const elapsed = performance.now() - started;
    metrics.persistSeconds.observe(elapsed / 1000);
    // Everything waits while SQLite writes (it is synchronous): a slow disk must show up in the logs.
    slowPersist.observe(this.id, elapsed);
    this.lastSeq = lastSeq;
    this.unfolded += batch.length;
    for (const { update, origin } of batch) {
      this.held?.add(update);
      // The other instances first: one publish, and they have their own clients to send it to.
      relay?.publish({ kind: 'update', payload: update });
      const message = encodeUpdate(update);
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    }
    this.scheduleCompaction();
  }

  private storageFailed(error: unknown): void {
    this.options.log.error(
      { board: this.id, err: error },
      'could not persist an update; dropping the board from memory',
    );
    this.closeAll(CloseCode.internalError, 'storage failed; reconnect to resend your changes');
    this.destroy({ save: false });
    this.options.onBroken(this);
  }

  /** A message another instance published for this board. */
  receiveRelayed(message: RelayedChange): void {
    if (this.closed) return;
    try {
      switch (message.kind) {
        case 'update':
          // It may build on an update this instance never got (its instance died between storing and
          // publishing it, or it is still on its way): that one was stored before anything built on it
          // was sent, so the database has it. Until then Yjs holds this one back, from our peers too.
          if (applyLeavesMissing(this.doc, message.payload, RELAYED_ORIGIN)) this.readBack();
          else this.held?.add(message.payload);
          return;
        case 'awareness': {
          // Merged per tick by the instance it came from already: it goes on to this room's peers as it
          // came, not held for this instance's own tick too.
          applyAwarenessUpdate(this.awareness, message.payload, RELAYED_ORIGIN);
          const forwarded = encodeAwareness(message.payload);
          for (const peer of this.peers.keys()) peer.send(forwarded);
          return;
        }
      }
    } catch (error) {
      this.options.log.warn({ board: this.id, err: error }, 'relayed message could not be applied');
    }
  }

  /**
   * Reads the board back from the database (what other instances stored that this room did not get
   * through the relay); the changes reach this room's peers. One read at a time: asked for during a
   * read, which may have begun before what it is asked for was stored, there is one more after it.
   */
  readBack(): void {
    if (this.closed) return;
    if (this.readingBack) {
      this.readBackAgain = true;
      return;
    }
    this.readBackAgain = false;
    this.readingBack = true;
    Promise.resolve(this.options.store.loadBoardState(this.id))
      .then(
        (state) => {
          if (state) this.catchUp(state);
          else if (!this.closed) this.options.onDeleted(this);
        },
        (error: unknown) =>
          this.options.log.error({ board: this.id, err: error }, 'could not catch up from the database'),
      )
      .finally(() => {
        this.readingBack = false;
        if (this.readBackAgain) this.readBack();
      });
  }

  /** Publishes the presence of this instance's peers to the other instances. */
  publishPresence(): void {
    const own = [...this.awarenessOwners.keys()].filter((client) => this.awareness.states.has(client));
    if (own.length === 0) return;
    this.options.relay?.publish({ kind: 'awareness', payload: encodeAwarenessUpdate(this.awareness, own) });
  }

  /** Applies what the shared database holds; what this room lacked reaches its peers. */
  private catchUp(state: StoredBoardState): void {
    if (this.closed) return;
    // Still exactly what was loaded: nothing to apply (and a lazily applied board stays unapplied).
    const unchanged =
      this.unapplied &&
      state.updates.length === 0 &&
      this.storedSnapshot !== undefined &&
      Buffer.from(state.snapshot).equals(this.storedSnapshot);
    if (unchanged) return;
    const doc = this.doc;
    const snapshotHeld = this.heldSnapshot && Buffer.from(state.snapshot).equals(this.heldSnapshot);
    if (!snapshotHeld) Y.applyUpdate(doc, state.snapshot, RELAYED_ORIGIN);
    for (const update of state.updates) {
      if (this.held?.has(update)) continue;
      if (!applyLeavesMissing(doc, update, RELAYED_ORIGIN)) this.held?.add(update);
    }
  }

  /**
   * Who took part, for the workshop summary. Before the stored board is applied (a large board is sent
   * first and applied after), the presence waits: reading the document here would apply it early.
   */
  private recordParticipant(state: unknown): void {
    if (!this.applied) {
      if (this.presenceBeforeApply.length < MAX_PARTICIPANTS) this.presenceBeforeApply.push(state);
    } else this.participants.seen(state);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // A peer's own changes (`receive` let through only ids nobody else holds): the ids are now its own,
    // until it leaves (removing its state does not hand the id to someone else).
    const owned = this.peers.get(origin as Peer);
    if (owned) {
      for (const client of [...changes.added, ...changes.updated]) {
        owned.add(client);
        this.awarenessOwners.set(client, origin as Peer);
        this.recordParticipant(this.awareness.getStates().get(client));
      }
    }
    if (origin === RELAYED_ORIGIN) return; // sent on as it came (`receiveRelayed`)
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const client of list) this.pendingAwareness.add(client);
    }
    if (this.awarenessTimer || this.closed) return;
    // Throttle with a leading edge: after a quiet tick the change goes out at once (next macrotask, so
    // one network read is still merged); during a burst, at most one merged message per tick.
    const wait = this.lastAwarenessFlush + this.options.awarenessTickMs - performance.now();
    this.awarenessTimer =
      wait > 0 ? setTimeout(this.flushAwareness, wait) : setImmediate(this.flushAwareness);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = undefined;
    this.lastAwarenessFlush = performance.now();
    if (this.pendingAwareness.size === 0) return;
    const changed = [...this.pendingAwareness];
    this.pendingAwareness.clear();
    // One encoding for the other instances and this room's peers.
    const update = encodeAwarenessUpdate(this.awareness, changed);
    this.options.relay?.publish({ kind: 'awareness', payload: update });
    const message = encodeAwareness(update);
    const author = this.onlyAuthorOf(changed);
    for (const peer of this.peers.keys()) if (peer !== author) peer.send(message);
  };

  /**
   * The peer that made every one of these changes itself, if one did: it is not sent its own presence
   * back (one frame less per cursor move and peer). Removals are, so that a client whose state was
   * dropped (timed out) learns it and announces itself again, as y-protocols' awareness does.
   */
  private onlyAuthorOf(changed: readonly number[]): Peer | undefined {
    const author = this.awarenessOwners.get(changed[0]!);
    const states = this.awareness.getStates();
    return changed.every((client) => this.awarenessOwners.get(client) === author && states.has(client))
      ? author
      : undefined;
  }

  private scheduleCompaction(): void {
    if (this.unfolded >= this.options.compactAfterUpdates) {
      this.compactSoon ??= setImmediate(() => {
        this.compactSoon = undefined;
        this.compact();
      });
      return;
    }
    if (this.compactTimer) this.compactTimer.refresh();
    else this.compactTimer = setTimeout(() => this.compact(), this.options.compactIdleMs);
  }

  /**
   * Folds the appended updates into the snapshot (the in-memory document holds all of this room's;
   * a shared store hands over the other instances' too, which are applied first). `final` (the board
   * leaves memory): with the board's preview, so the next page to open it draws at once.
   */
  compact({ final = false }: { final?: boolean } = {}): Promise<void> | undefined {
    if (this.closed || this.compaction) return undefined;
    const { store, metrics, log } = this.options;
    if (this.unfolded === 0) {
      if (final && !this.previewStored) return this.storePreview();
      return undefined;
    }
    const folding = this.unfolded;
    let written: Uint8Array | undefined;
    let withPreview = false;
    let foldedRows: readonly Uint8Array[] = [];
    let done: ReturnType<BoardStore['foldUpdates']>;
    try {
      done = store.foldUpdates(this.id, this.lastSeq, (stored) => {
        // Freed meanwhile (storage failed): roll the compaction back rather than store a freed document.
        if (this.closed) throw new Error('the room was closed during compaction');
        if (stored) {
          this.catchUp(stored);
          foldedRows = stored.updates;
        }
        const snapshot = Y.encodeStateAsUpdate(this.doc);
        written = snapshot;
        // Reading the board for a preview costs tens of milliseconds: only when it leaves memory.
        const preview = final ? this.reads.previewText() : undefined;
        withPreview = preview !== undefined;
        return { snapshot, preview, ...this.reads.counts() };
      });
    } catch (error) {
      // The appended updates are still there; the next compaction retries.
      log.error({ board: this.id, err: error }, 'compaction failed');
      return undefined;
    }
    const folded = () => {
      this.compaction = undefined;
      this.previewStored = withPreview;
      this.storedBytes = written?.byteLength ?? 0;
      this.heldSnapshot = written;
      this.unfolded = Math.max(0, this.unfolded - folding);
      this.held?.folded(foldedRows);
      metrics.compactions.inc();
      // Updates stored while this compaction ran (it skipped the triggers they fired) fold next.
      if (this.unfolded > 0 && !this.closing) this.scheduleCompaction();
    };
    if (!(done instanceof Promise)) return void folded();
    this.compaction = done.then(folded, (error: unknown) => {
      this.compaction = undefined;
      log.error({ board: this.id, err: error }, 'compaction failed');
    });
    return this.compaction;
  }

  /** Stores the preview of a board whose snapshot is up to date (nothing appended since). */
  private storePreview(): Promise<void> | undefined {
    const failed = (error: unknown) =>
      // Only a first picture is lost: the next page waits for the live board.
      this.options.log.error({ board: this.id, err: error }, 'could not store the board preview');
    try {
      const saved = settle(this.options.store.savePreview(this.id, this.reads.previewText()), () => {
        this.previewStored = true;
      });
      return saved instanceof Promise ? saved.catch(failed) : undefined;
    } catch (error) {
      failed(error);
      return undefined;
    }
  }

  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /**
   * Saves (unless the board is gone or storage broke) and frees everything. With an asynchronous store
   * the returned promise settles once the writes in flight and the final compaction are done.
   */
  destroy({ save }: { save: boolean }): Promise<void> | undefined {
    if (this.closed) return undefined;
    if (this.closing) return this.closing;
    if (!save) return void this.free();
    const finish = (): Promise<void> | undefined => {
      const compacted = this.compact({ final: true });
      if (!compacted) return void this.free();
      return compacted.then(() => this.free());
    };
    if (!this.writing && !this.compaction) {
      this.closing = finish();
      return this.closing;
    }
    this.closing = this.whenIdle().then(finish);
    return this.closing;
  }

  /** Set while `destroy` waits for the store. */
  private closing: Promise<void> | undefined;

  /** Resolves once no write or compaction is in flight. */
  private async whenIdle(): Promise<void> {
    while (this.writing || this.compaction) await (this.writing ?? this.compaction);
  }

  private free(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.compactTimer);
    if (this.compactSoon) clearImmediate(this.compactSoon);
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer as NodeJS.Timeout);
      clearImmediate(this.awarenessTimer as NodeJS.Immediate);
    }
    this.peers.clear();
    this.awarenessOwners.clear();
    this.awaitingStep1.clear();
    this.awareness.destroy();
    this.loadedDoc.destroy();
  }
}
