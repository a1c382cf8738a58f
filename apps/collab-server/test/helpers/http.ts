import type { BoardSummary } from '../../src/board-service.ts';

/** Creates a board through the API and returns it. */
export async function createBoard(baseUrl: string, name = 'Test board'): Promise<BoardSummary> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return (await response.json()) as BoardSummary;
}
