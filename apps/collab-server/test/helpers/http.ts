import type { CreatedBoard } from '../../src/board-service.ts';
import { rememberEditToken } from './board-tokens.ts';

/** Creates a board through the API and returns it with its capabilities. */
export async function createBoard(baseUrl: string, name = 'Test board'): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  const board = (await response.json()) as CreatedBoard;
  rememberEditToken(board.id, board.editToken);
  return board;
}
