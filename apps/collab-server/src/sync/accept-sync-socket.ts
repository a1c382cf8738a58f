import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { BoardAccess } from '../access/board-access.ts';
import { isBoardId } from '../board-id.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardRooms } from '../rooms/board-rooms.ts';
import { CloseCode, closeCodeName } from './close-codes.ts';
import { type ClientMessage, decodeClientMessage, ProtocolError } from './protocol.ts';
import { RateLimiter } from './rate-limiter.ts';
import { closeReason, SocketPeer } from './socket-peer.ts';

export interface SyncSocketOptions {
  readonly rooms: BoardRooms;
  readonly access: BoardAccess;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly maxConnectionsPerBoard: number;
  readonly rateLimitMessagesPerSecond: number;
  readonly rateLimitBurst: number;
  readonly maxBufferedBytes: number;
}

let nextPeerId = 1;

function asBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * Wires a freshly upgraded `/sync/<boardId>?token=…` socket to its board, or closes it with the reason
 * why not. A view link (or a locked board) joins read-only. Messages that arrive while the token is
 * checked and the board loaded wait, in order, until the peer has joined.
 */
export function acceptSyncSocket(
  socket: WebSocket,
  /** The upgraded connection under `socket` (its writes are grouped per event-loop turn). */
  transport: Pick<Writable, 'cork' | 'uncork'>,
  boardId: string,
  token: string | undefined,
  options: SyncSocketOptions,
): void {
  const { metrics } = options;
  const peerId = nextPeerId++;
  const log = options.log.child({ board: boardId, peer: peerId });
  const refuse = (code: number, reason: string) => {
    metrics.rejected.inc({ reason: closeCodeName(code) });
    log.warn({ code, reason }, 'sync connection refused');
    socket.close(code, closeReason(reason));
  };
  if (!isBoardId(boardId)) {
    refuse(CloseCode.invalidBoardId, 'invalid board id');
    return;
  }
  const early: Array<{ data: Buffer | ArrayBuffer | Buffer[]; isBinary: boolean }> = [];
  let gone = false;
  const queue = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => early.push({ data, isBinary });
  const lost = () => {
    gone = true;
  };
  // `ws` closes the socket after an error; until the peer has joined, only the close matters.
  const ignore = () => {};
  socket.on('message', queue);
  socket.on('close', lost);
  socket.on('error', ignore);
  join(socket, transport, boardId, token, options, log, refuse, peerId).then(
    (handle) => {
      socket.off('message', queue);
      socket.off('close', lost);
      socket.off('error', ignore);
      if (!handle) return;
      if (gone) return handle.leave();
      for (const { data, isBinary } of early) handle.message(data, isBinary);
    },
    (error: unknown) => {
      log.error({ err: error }, 'could not load board');
      refuse(CloseCode.internalError, 'could not load the board');
    },
  );
}

/** Checks the token, loads the board and joins it; `undefined` when the socket was refused. */
async function join(
  socket: WebSocket,
  transport: Pick<Writable, 'cork' | 'uncork'>,
  boardId: string,
  token: string | undefined,
  options: SyncSocketOptions,
  log: SyncSocketOptions['log'],
  refuse: (code: number, reason: string) => void,
  peerId: number,
): Promise<
  | { message: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void; leave: () => void }
  | undefined
> {
  const { rooms, metrics } = options;
  // Checked before the board is loaded: a caller without a capability costs no more than a lookup.
  const access = await options.access.check(boardId, token);
  if (!access.ok && access.reason === 'rotated') {
    refuse(CloseCode.linkRotated, 'link rotated: ask the board owner for the new link');
    return undefined;
  }
  if (!access.ok) {
    refuse(CloseCode.unauthorized, access.reason === 'missing' ? 'token required' : 'wrong token');
    return undefined;
  }
  const room = await rooms.open(boardId);
  if (!room) {
    refuse(CloseCode.boardNotFound, 'board not found');
    return undefined;
  }
  if (room.peerCount >= options.maxConnectionsPerBoard) {
    refuse(CloseCode.boardFull, `board is full: ${options.maxConnectionsPerBoard} connections`);
    return undefined;
  }
  const peer = new SocketPeer(peerId, socket, transport, metrics, options.maxBufferedBytes, {
    readOnly: access.role === 'view',
    tokenHash: access.tokenHash,
  });
  const limiter = new RateLimiter(options.rateLimitMessagesPerSecond, options.rateLimitBurst);
  const drop = (code: number, reason: string) => {
    metrics.rejected.inc({ reason: closeCodeName(code) });
    log.warn({ code, reason }, 'sync connection closed for bad input');
    peer.close(code, reason);
  };
  metrics.connections.inc();

  const message = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (peer.closed) return;
    const bytes = asBytes(data);
    metrics.bytesIn.inc(bytes.byteLength);
    if (!limiter.take()) {
      return drop(CloseCode.rateLimited, `rate limit: over ${options.rateLimitMessagesPerSecond} messages/s`);
    }
    if (!isBinary) return drop(CloseCode.unsupportedMessage, 'text frames are not supported');
    let decoded: ClientMessage;
    try {
      decoded = decodeClientMessage(bytes);
      metrics.messagesIn.inc({ kind: decoded.kind });
      room.receive(peer, decoded);
    } catch (error) {
      if (error instanceof ProtocolError) return drop(error.code, error.reason);
      log.error({ err: error }, 'unexpected error handling a sync message');
      return drop(CloseCode.internalError, 'internal error');
    }
  };
  const leave = () => {
    peer.closed = true;
    metrics.connections.dec();
    room.leave(peer);
  };
  socket.on('message', message);
  socket.on('error', (error: Error & { code?: string }) => {
    // `ws` has already closed the socket (1009 for frames over MAX_MESSAGE_BYTES, 1002 for protocol errors).
    const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'messageTooBig' : 'protocolError';
    metrics.rejected.inc({ reason });
    log.warn({ reason, message: error.message }, 'sync connection closed by the WebSocket layer');
    peer.closed = true;
  });
  socket.on('close', leave);
  room.join(peer);
  return { message, leave };
}
