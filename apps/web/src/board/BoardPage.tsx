import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { ApiError, boardsApi } from '../api/boards.ts';
import { BoardNotFound } from './BoardNotFound.tsx';
import { CanvasArea } from './CanvasArea.tsx';
import { Legend } from './Legend.tsx';
import { LintPanel } from './LintPanel.tsx';
import { Notice } from './Notice.tsx';
import { Palette } from './Palette.tsx';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { SearchBar } from './SearchBar.tsx';
import { SessionContext } from './SessionContext.ts';
import { Toolbar } from './Toolbar.tsx';
import { useBoardConnection } from './useBoardConnection.ts';

type BoardInfo =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly name: string }
  | { readonly state: 'missing' };

/** `/b/<boardId>`: fetches the board's name while the document syncs, in parallel. */
export function BoardPage({ boardId }: { readonly boardId: string }) {
  const connection = useBoardConnection(boardId);
  const [info, setInfo] = useState<BoardInfo>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    boardsApi.get(boardId).then(
      (board) => live && setInfo({ state: 'found', name: board.name }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400))
          setInfo({ state: 'missing' });
        else setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [boardId]);

  const name = info.state === 'found' ? info.name : '';
  useEffect(() => {
    if (name) document.title = `${name} · Squall`;
  }, [name]);

  if (info.state === 'missing' || connection.refused) return <BoardNotFound boardId={boardId} />;
  if (problem) {
    return (
      <main className="not-found" role="alert">
        <h1>Could not open the board</h1>
        <p>{problem}</p>
        <a href="/">See all boards</a>
      </main>
    );
  }
  const { session } = connection;
  if (!session || !connection.synced) {
    return (
      <main className="loading" aria-busy="true">
        <p>Opening board…</p>
        {connection.status === 'disconnected' && (
          <p role="status">Cannot reach the Squall server; retrying. Nothing you did is lost.</p>
        )}
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ReactFlowProvider>
        <div className="board">
          <Toolbar
            boardName={name}
            status={connection.status}
            onRename={async (next) => {
              try {
                const board = await boardsApi.rename(boardId, next);
                setInfo({ state: 'found', name: board.name ?? next });
              } catch (error) {
                setProblem(error instanceof Error ? error.message : String(error));
              }
            }}
          />
          <div className="board__body">
            <Palette />
            <CanvasArea>
              <SearchBar />
              <Legend />
              <Notice />
            </CanvasArea>
            <div className="board__side">
              <PropertiesPanel />
              <LintPanel />
            </div>
          </div>
        </div>
      </ReactFlowProvider>
    </SessionContext.Provider>
  );
}
