/** A change to a board's document or presence, relayed to the board's rooms on other instances. */
export type RelayedChange =
  /** A document update, already durable in the shared database. */
  | { readonly kind: 'update'; readonly payload: Uint8Array }
  /** An awareness update (y-protocols encoding) of the sender's peers. */
  | { readonly kind: 'awareness'; readonly payload: Uint8Array };

/** What instances holding the same board tell each other. */
export type RelayedMessage =
  | RelayedChange
  /** The sender started holding the board (or got Redis back): the others answer `here` and presence. */
  | { readonly kind: 'hello' }
  /** The sender holds the board too: the answer to `hello`. */
  | { readonly kind: 'here' }
  /** The sender stopped holding the board (the relay's own: not passed on to the board's rooms). */
  | { readonly kind: 'bye' }
  /** The owner locked or unlocked the board. */
  | { readonly kind: 'locked'; readonly locked: boolean }
  /** The owner deleted the board. */
  | { readonly kind: 'deleted' }
  /** A link was rotated: sockets opened with the old token (its hash) are closed. */
  | { readonly kind: 'rotated'; readonly link: 'edit' | 'view'; readonly tokenHash: string };

export type RelayedKind = RelayedMessage['kind'];

/** What a room sees of the relay: a way to reach the other instances holding its board. */
export interface RoomRelay {
  publish(message: RelayedMessage): void;
}

/** Connects the instances of a cluster (`REDIS_URL`), board by board. */
export interface BoardRelay {
  /** The relay reaches the other instances now. */
  readonly connected: boolean;
  /** Starts receiving the board's messages; resolves once subscribed (at once while disconnected). */
  join(boardId: string, onMessage: (message: RelayedMessage) => void): Promise<void>;
  leave(boardId: string): void;
  /**
   * Sends to every other instance holding the board: not at all while this one knows of none (each
   * instance says `hello` when it starts holding a board, and `bye` when it stops), and dropped while
   * disconnected (both counted).
   */
  publish(boardId: string, message: RelayedMessage): void;
  /** Called each time the relay is back after an outage, once every board is subscribed again. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}
