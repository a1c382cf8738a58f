/**
 * WebSocket close codes the server uses. 1xxx are the standard ones; 4xxx are ours and follow the
 * HTTP status they resemble: 44xx means "do not retry" (y-websocket 3 does not reconnect after
 * 4400–4499), 45xx "try again later" (it reconnects with backoff).
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM): reconnect later. */
  goingAway: 1001,
  /** Frame larger than MAX_MESSAGE_BYTES (sent by `ws` itself, no reason text). */
  messageTooBig: 1009,
  /** Storage failed; nothing of the message was relayed. */
  internalError: 1011,
  /** The board was reloaded from storage to discard a refused update: reconnect. */
  boardReloaded: 1012,
  /** The board's owner locked or unlocked it: reconnect and read the new access (`GET /api/boards/:id`). */
  accessChanged: 4205,
  /** `/sync/<id>` where id is not a board id. */
  invalidBoardId: 4400,
  /** No `token` query parameter, or one that is not a capability of this board. */
  unauthorized: 4401,
  /** The token was this board's link until its owner rotated it. */
  linkRotated: 4403,
  /** No board with this id; nothing is created. */
  boardNotFound: 4404,
  /** The board was deleted while connected. */
  boardDeleted: 4410,
  /** Text frame or unknown message type. */
  unsupportedMessage: 4415,
  /** Binary message that does not decode (truncated, trailing bytes, bad varints). */
  malformedMessage: 4422,
  /** Update that decodes but is refused or fails to apply. */
  updateRejected: 4423,
  /** An update would take the board over a limit (note text, elements, stored size); nothing of it was kept. */
  limitExceeded: 4413,
  /** Too many messages from this socket. */
  rateLimited: 4429,
  /** Board already has MAX_CONNECTIONS_PER_BOARD connections. */
  boardFull: 4503,
  /** The client does not read fast enough (send buffer over MAX_BUFFERED_BYTES); it may reconnect. */
  tooSlow: 4504,
  /**
   * An update refers to items this server does not hold (yet; e.g. another instance's, still on its
   * way): nothing of it was kept. The client reconnects, and its sync then carries what was missing.
   */
  updateAhead: 4509,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

const NAMES = new Map<number, CloseCodeName>(
  Object.entries(CloseCode).map(([name, code]) => [code, name as CloseCodeName]),
);

/** The name of a close code, as used in logs and the `reason` label of the rejection metric. */
export function closeCodeName(code: number): string {
  return NAMES.get(code) ?? String(code);
}
