/**
 * Edit tokens of the boards tests created through `createBoard`, so helpers can connect with a board's
 * edit link by default (as its creator's browser does) and tests name a token only when it matters.
 */
const editTokens = new Map<string, string>();

export function rememberEditToken(boardId: string, token: string): void {
  editTokens.set(boardId, token);
}

export function editTokenOf(boardId: string): string | undefined {
  return editTokens.get(boardId);
}

/** `url` with the edit token of the board it ends in, unless it already names a token. */
export function withEditToken(url: string): string {
  const parsed = new URL(url);
  const token = editTokenOf(parsed.pathname.split('/').at(-1) ?? '');
  if (token && !parsed.searchParams.has('token')) parsed.searchParams.set('token', token);
  return parsed.toString();
}
