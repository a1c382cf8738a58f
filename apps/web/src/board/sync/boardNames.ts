/** Board names as last seen from the server, so a board opened offline still shows its name. */
const key = (boardId: string) => `squall:boardName:${boardId}`;

export function rememberBoardName(boardId: string, name: string): void {
  try {
    window.localStorage.setItem(key(boardId), name);
  } catch {
    // Storage full or disabled: the name is only a nicety offline.
  }
}

export function rememberedBoardName(boardId: string): string {
  return window.localStorage.getItem(key(boardId)) ?? '';
}
