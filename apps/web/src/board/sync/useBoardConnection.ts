import { useEffect, useState, useSyncExternalStore } from 'react';
import { type BoardConnection, type BoardConnectionState, openBoardConnection } from './boardConnection.ts';
import { claimEarlyConnection } from './earlyBoard.ts';

const noConnection = {
  getState: () => null,
  subscribe: () => () => {},
};

/**
 * The board's connection while the component is mounted: the one opened before React rendered, if the
 * page was loaded for this board, else a new one. `null` until the first effect has run.
 */
export function useBoardConnection(boardId: string): BoardConnectionState | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const opened = claimEarlyConnection(boardId) ?? openBoardConnection(boardId);
    setConnection(opened);
    return () => opened.close();
  }, [boardId]);
  const source = connection ?? noConnection;
  return useSyncExternalStore(source.subscribe, source.getState);
}
