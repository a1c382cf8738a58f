import type { BoardSummary } from '../api/boards.ts';

/** "12 notes · 8 connections" from whichever counts the server sent. */
export function boardCounts(board: BoardSummary): string {
  const elements = board.elementCount ?? board.counts?.elements;
  const connections = board.connectionCount ?? board.counts?.connections;
  const parts: string[] = [];
  if (elements !== undefined) parts.push(`${elements} ${elements === 1 ? 'element' : 'elements'}`);
  if (connections !== undefined)
    parts.push(`${connections} ${connections === 1 ? 'connection' : 'connections'}`);
  return parts.join(' · ');
}
