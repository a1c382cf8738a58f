/**
 * The board capabilities this browser holds. A board opens only with one of its tokens (the owner key,
 * the edit link's or the view link's), so the home page lists exactly the boards whose tokens are here.
 * Kept in localStorage under `squall:boardTokens`: `{ [boardId]: { token, editToken?, viewToken? } }`,
 * where `token` is the strongest one held and the link tokens are kept for the owner to share.
 */
export interface HeldBoard {
  readonly token: string;
  readonly editToken?: string;
  readonly viewToken?: string;
}

const KEY = 'squall:boardTokens';

function isHeld(value: unknown): value is HeldBoard {
  return typeof value === 'object' && value !== null && typeof (value as HeldBoard).token === 'string';
}

function readAll(): Record<string, HeldBoard> {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter(([, held]) => isHeld(held)));
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, HeldBoard>): void {
  window.localStorage.setItem(KEY, JSON.stringify(all));
}

export function heldBoard(boardId: string): HeldBoard | undefined {
  return readAll()[boardId];
}

export function tokenFor(boardId: string): string | undefined {
  return heldBoard(boardId)?.token;
}

export function allTokens(): string[] {
  return Object.values(readAll()).map((held) => held.token);
}

/**
 * Keeps a board's capabilities. The creator holds the owner key with both link tokens; opening one of
 * those links later must not replace the owner key with a weaker token.
 */
export function rememberBoard(boardId: string, held: HeldBoard): void {
  const all = readAll();
  if (all[boardId]?.editToken !== undefined && held.editToken === undefined) return;
  all[boardId] = held;
  writeAll(all);
}

export function forgetBoard(boardId: string): void {
  const all = readAll();
  delete all[boardId];
  writeAll(all);
}
