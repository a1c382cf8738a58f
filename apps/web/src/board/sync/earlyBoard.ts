import { type BoardContent, boardsApi } from '../../api/boards.ts';
import { rememberBoard } from '../../api/boardTokens.ts';
import { type BoardConnection, openBoardConnection } from './boardConnection.ts';

/** A board link carries its capability (`/b/<id>?token=…`): keep it, so this browser can open the board. */
export function adoptLinkToken(boardId: string): void {
  const token = new URLSearchParams(window.location.search).get('token');
  if (token) rememberBoard(boardId, { token });
}

interface EarlyBoard {
  readonly boardId: string;
  connection: BoardConnection | undefined;
  preview: Promise<BoardContent> | undefined;
  /** Lets the board's first sync through (see `firstPictureShown`). */
  readonly showLive: () => void;
}

/** The longest the first sync waits for the first picture, should that be slow or never come. */
const FIRST_PICTURE_WAIT_MS = 1500;

let early: EarlyBoard | undefined;

/**
 * Starts opening the board a page was loaded for (its connection, and the preview its first picture
 * is drawn from) as soon as the app's script runs, before React has rendered anything: every moment
 * React takes to mount is one the server could spend loading the board.
 */
export function openBoardEarly(boardId: string): void {
  adoptLinkToken(boardId);
  let showLive = () => {};
  const pictureShown = new Promise<void>((resolve) => {
    showLive = resolve;
  });
  setTimeout(showLive, FIRST_PICTURE_WAIT_MS);
  // The socket first: the server answers it from storage at once, and the preview request must not
  // be the one that makes it load the board. Its answer is applied once the preview is on screen:
  // the page draws a first picture in a fraction of the time applying a large board takes.
  const connection = openBoardConnection(boardId, { holdSyncUntil: pictureShown });
  const preview = boardsApi.preview(boardId);
  // A missing picture is no problem (the live board follows); unclaimed, its failure must not go unhandled.
  preview.catch(() => {});
  early = { boardId, connection, preview, showLive };
}

/** The connection `openBoardEarly` started for this board, once (a later mount opens its own). */
export function claimEarlyConnection(boardId: string): BoardConnection | undefined {
  if (early?.boardId !== boardId) return undefined;
  const { connection } = early;
  early.connection = undefined;
  return connection;
}

/** The preview request `openBoardEarly` started for this board, once. */
export function claimEarlyPreview(boardId: string): Promise<BoardContent> | undefined {
  if (early?.boardId !== boardId) return undefined;
  const { preview } = early;
  early.preview = undefined;
  return preview;
}

/** The first picture of this board is on screen, or will not come: the live board may follow. */
export function firstPictureShown(boardId: string): void {
  if (early?.boardId === boardId) early.showLive();
}
