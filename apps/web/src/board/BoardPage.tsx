import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, type BoardContent, type BoardSummary, boardsApi } from '../api/boards.ts';
import { BoardNotFound, type BoardRefusal, refusalOf } from './BoardNotFound.tsx';
import { CanvasArea } from './canvas/CanvasArea.tsx';
import { Legend } from './panels/Legend.tsx';
import { LintPanel } from './panels/LintPanel.tsx';
import { Palette } from './panels/Palette.tsx';
import { PropertiesPanel } from './panels/PropertiesPanel.tsx';
import { SearchBar } from './panels/SearchBar.tsx';
import { NamePrompt } from './presence/NamePrompt.tsx';
import { SessionContext } from './SessionContext.ts';
import { rememberBoardName, rememberedBoardName } from './sync/boardNames.ts';
import { boardPreview } from './sync/boardPreview.ts';
import { adoptLinkToken, claimEarlyPreview, firstPictureShown } from './sync/earlyBoard.ts';
import { useBoardConnection } from './sync/useBoardConnection.ts';
import { Notice } from './toolbar/Notice.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { WorkshopBar } from './workshop/WorkshopBar.tsx';
import { WorkshopRounds } from './workshop/WorkshopRounds.tsx';
import { WorkshopSync } from './workshop/WorkshopSync.tsx';

type BoardInfo =
  | { readonly state: 'loading' }
  | {
      readonly state: 'found';
      readonly name: string;
      readonly readOnly: boolean;
      /** Locked by its owner: read-only for everyone, the owner included, until the owner unlocks it. */
      readonly locked: boolean;
      /** This browser holds the owner key (it can unlock the board from the share panel). */
      readonly owner: boolean;
    }
  | { readonly state: 'refused'; readonly reason: BoardRefusal };

function foundInfo(board: BoardSummary): BoardInfo {
  const locked = board.locked === true;
  return {
    state: 'found',
    name: board.name,
    readOnly: board.access === 'view' || locked,
    locked,
    owner: board.access === 'owner',
  };
}

function readOnlyNote(info: BoardInfo): string {
  if (info.state !== 'found' || !info.locked) {
    return 'View only: this link lets you look, follow and export, not edit.';
  }
  return info.owner
    ? 'Locked by you: the board is read-only for everyone, you too. Unlock it from Share to edit again.'
    : 'Locked by the board owner: you can look, follow and export until it is unlocked.';
}

/** `/b/<boardId>`: fetches the board's name while the document syncs, in parallel. */
export function BoardPage({ boardId }: { readonly boardId: string }) {
  // Before the first request or connection of this page (a state initialiser runs before any effect).
  useState(() => adoptLinkToken(boardId));
  const connection = useBoardConnection(boardId);
  const [info, setInfo] = useState<BoardInfo>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [content, setContent] = useState<BoardContent | null>(null);

  const live = connection?.synced ?? false;
  const preview = useMemo(() => (content && !live ? boardPreview(content) : null), [content, live]);
  // Once live, the picture is not needed any more (it can be megabytes for a large board).
  useEffect(() => {
    if (live && content) setContent(null);
  }, [live, content]);
  // The first picture (the preview, or this browser's own copy, live at once) is drawn on the next
  // frame: then the server's sync may take the main thread.
  useEffect(() => {
    if (!preview && !live) return;
    const frame = requestAnimationFrame(() => setTimeout(() => firstPictureShown(boardId)));
    return () => cancelAnimationFrame(frame);
  }, [preview, live, boardId]);

  useEffect(() => {
    let wanted = true;
    // A first picture of the board from its preview, drawn while the live document syncs (see
    // boardPreview.ts): parsing JSON is far quicker than applying a large Yjs document.
    (claimEarlyPreview(boardId) ?? boardsApi.preview(boardId)).then(
      (next) => wanted && setContent(next),
      () => {
        // No picture then: the live board follows, and a missing board is reported by `get`.
        firstPictureShown(boardId);
      },
    );
    boardsApi.get(boardId).then(
      (board) => {
        if (!wanted) return;
        rememberBoardName(boardId, board.name);
        setInfo(foundInfo(board));
      },
      (error: unknown) => {
        if (!wanted) return;
        if (error instanceof ApiError && [400, 401, 403, 404].includes(error.status)) {
          setInfo({
            state: 'refused',
            reason: error.code === 'link_rotated' ? 'link-rotated' : refusalOf(error.status),
          });
        } else setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      wanted = false;
    };
  }, [boardId]);

  // The owner locked or unlocked the board (the socket was closed with 4205): re-read what this link may do.
  useEffect(() => {
    if (!connection?.accessChanges) return;
    let wanted = true;
    boardsApi.get(boardId).then(
      (board) => wanted && setInfo(foundInfo(board)),
      () => {
        // Kept as it was: the reconnecting socket reports a link that stopped working.
      },
    );
    return () => {
      wanted = false;
    };
  }, [boardId, connection?.accessChanges]);

  // Offline, the name this browser remembers from the last visit.
  const name = info.state === 'found' ? info.name : connection?.stored ? rememberedBoardName(boardId) : '';
  useEffect(() => {
    if (name) document.title = `${name} · Squall`;
  }, [name]);

  if (info.state === 'refused') return <BoardNotFound boardId={boardId} reason={info.reason} />;
  if (connection?.refused)
    return <BoardNotFound boardId={boardId} reason={refusalOf(connection.refused.code)} />;
  // An unreachable server is no problem when this browser holds a copy of the board.
  if (problem && !connection?.stored) {
    return (
      <main className="not-found" role="alert">
        <h1>Could not open the board</h1>
        <p>{problem}</p>
        <a href="/">See all boards</a>
      </main>
    );
  }
  const session = connection?.session;
  const readOnly = info.state === 'found' && info.readOnly;
  if (!session || (!live && !preview)) {
    return (
      <main className="loading" aria-busy="true">
        <p>Opening board…</p>
        {(connection?.status === 'reconnecting' || connection?.status === 'offline') && (
          <p role="status">Cannot reach the Squall server; retrying. Nothing you did is lost.</p>
        )}
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ReactFlowProvider>
        <WorkshopSync
          owner={info.state === 'found' && info.owner}
          readOnly={readOnly}
          status={connection.status}
          live={live}
        />
        <div className="board">
          <Toolbar
            boardName={name}
            status={connection.status}
            live={live}
            readOnly={readOnly}
            onRename={async (next) => {
              try {
                const board = await boardsApi.rename(boardId, next);
                // The answer says what this link may do, too (the owner renames a locked board, read-only).
                setInfo(foundInfo({ ...board, name: board.name ?? next }));
              } catch (error) {
                setProblem(error instanceof Error ? error.message : String(error));
              }
            }}
          />
          {live && <WorkshopBar />}
          <div className="board__body">
            <Palette disabled={!live || readOnly} />
            <CanvasArea preview={preview} readOnly={readOnly}>
              <SearchBar />
              <Legend />
              <Notice />
              {live && <NamePrompt />}
            </CanvasArea>
            <div className="board__side">
              {live && !readOnly && <PropertiesPanel />}
              {readOnly && (
                <p className="read-only-note" role="status">
                  {readOnlyNote(info)}
                </p>
              )}
              {live && !readOnly && <WorkshopRounds />}
              {live && <LintPanel />}
            </div>
          </div>
        </div>
      </ReactFlowProvider>
    </SessionContext.Provider>
  );
}
