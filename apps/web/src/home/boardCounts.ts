import type { BoardSummary } from '../api/boards.ts';

/** "12 elements · 8 connections · 2 people here" from the counts the server sent. */
export function boardCounts(board: BoardSummary): string {
  const { elementCount: elements, connectionCount: connections, activeConnections: people } = board;
  const parts: string[] = [];
  if (elements !== undefined) parts.push(`${elements} ${elements === 1 ? 'element' : 'elements'}`);
  if (connections !== undefined)
    parts.push(`${connections} ${connections === 1 ? 'connection' : 'connections'}`);
  if (people) parts.push(`${people} ${people === 1 ? 'person' : 'people'} here now`);
  return parts.join(' · ');
}
