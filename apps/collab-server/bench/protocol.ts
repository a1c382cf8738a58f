/** Messages between the bench driver and its client workers. */

/** A board (room) to join and the URL parameters that grant access to it (our server's edit token). */
export interface BoardRef {
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface EditingTask {
  readonly kind: 'editing';
  readonly wsUrl: string;
  /** Board of each client this worker runs. */
  readonly boards: readonly BoardRef[];
  /** Server of each client (several instances of a cluster); `wsUrl` for all when absent. */
  readonly wsUrls?: readonly string[];
  /** The cluster's instances (their URLs), so a client can tell which instance an edit came through. */
  readonly servers?: readonly string[];
  /**
   * Per client: whether it applies what it receives and measures it (default: all do). The others
   * are listen-only: they send the same edits and cursors, read every frame and drop it.
   */
  readonly measuring?: readonly boolean[];
  /** Total clients per board (across all workers), to know when a client has converged. */
  readonly clientsPerBoard: number;
  readonly editHz: number;
  readonly cursorHz: number;
  /** Load before the timed phase whose changes are not measured (default none). */
  readonly warmupMs?: number;
  readonly durationMs: number;
  readonly settleTimeoutMs: number;
}

export interface StormTask {
  readonly kind: 'storm';
  readonly wsUrl: string;
  readonly board: BoardRef;
  readonly clients: number;
  /** Entries the board already holds: a client has synced when it sees them all. */
  readonly expectedEntries: number;
  readonly timeoutMs: number;
}

export type WorkerTask = EditingTask | StormTask;

/** Driver → worker: start the timed phase (all workers together). */
export interface StartSignal {
  readonly kind: 'start';
}

export interface EditingResult {
  readonly kind: 'editing';
  /** ms from a peer's edit to its arrival here, one per observed edit. */
  readonly editLatencies: Float64Array;
  /** Per edit latency: 1 when the edit came through another instance than the one this client is on. */
  readonly editCrossed: Uint8Array;
  readonly cursorLatencies: Float64Array;
  readonly editsSent: number;
  readonly cursorsSent: number;
  /** Measuring clients (the latencies are theirs). */
  readonly clients: number;
  /** Measuring clients that ended with every peer's final edit. */
  readonly converged: number;
  /** Final `seq` per client key, for the durability check. */
  readonly finalSeqs: Record<string, number>;
}

export interface StormResult {
  readonly kind: 'storm';
  /** ms from opening the socket to holding the whole board, per client. */
  readonly syncTimes: Float64Array;
  readonly complete: number;
}

export type WorkerMessage = { readonly kind: 'ready' } | EditingResult | StormResult;
