import { lazy, Suspense, useState } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { redo, undo } from '../editing/actions.ts';
import { useUndoState } from '../editing/useUndoState.ts';
import { FlowTools } from '../flow/FlowTools.tsx';
import { PeopleHere } from '../presence/PeopleHere.tsx';
import { ComparisonBar } from '../revisions/ComparisonBar.tsx';
import { useSession, useUi } from '../SessionContext.ts';
import type { ConnectionStatus } from '../sync/boardConnection.ts';
import { showNotice } from '../uiStore.ts';
import { DownloadSummaryButton } from '../workshop/DownloadSummaryButton.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { ShareLinks } from './ShareLinks.tsx';

interface ToolbarProps {
  readonly boardName: string;
  readonly status: ConnectionStatus;
  readonly onRename: (name: string) => void;
  /** False while only a preview is shown: there is nothing live to export yet. */
  readonly live: boolean;
  /** A view link or a locked board: undo and redo would change the board, so they are off. */
  readonly readOnly: boolean;
}

const loadExports = () => import('../export/exportBoard.ts');
// The exporters (and their transliteration tables) load only when someone opens the dialog.
const ContractsDialog = lazy(() => import('../export/contracts/ContractsDialog.tsx'));
const RevisionsDialog = lazy(() => import('../revisions/RevisionsDialog.tsx'));

export function Toolbar({ boardName, status, onRename, live, readOnly }: ToolbarProps) {
  const session = useSession();
  const viewport = useViewportTools();
  const canUndo = useUi((state) => state.canUndo);
  const canRedo = useUi((state) => state.canRedo);
  const snap = useUi((state) => state.snapToGrid);
  const [renaming, setRenaming] = useState(false);
  const [contractsOpen, setContractsOpen] = useState(false);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  useUndoState(session);

  const selection = () => session.view.store.getState().selectedIds;
  const run = async (action: (module: Awaited<ReturnType<typeof loadExports>>) => void | Promise<void>) => {
    try {
      await action(await loadExports());
    } catch (error) {
      showNotice(session.ui, `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <header className="toolbar">
      <a href="/" className="toolbar__home" aria-label="All boards">
        Squall
      </a>
      {renaming ? (
        <input
          className="toolbar__name"
          aria-label="Board name"
          defaultValue={boardName}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to rename the board
          autoFocus
          onBlur={(event) => {
            setRenaming(false);
            const name = event.target.value.trim();
            if (name && name !== boardName) onRename(name);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') setRenaming(false);
          }}
        />
      ) : (
        <h1 className="toolbar__name">
          <button type="button" title="Rename board" onClick={() => setRenaming(true)}>
            {boardName}
          </button>
        </h1>
      )}
      <ConnectionIndicator status={status} live={live} />
      <PeopleHere />
      <ShareLinks />
      <fieldset className="toolbar__group" aria-label="Edit">
        <button
          type="button"
          disabled={readOnly || !canUndo}
          onClick={() => undo(session)}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          disabled={readOnly || !canRedo}
          onClick={() => redo(session)}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <button
          type="button"
          aria-pressed={snap}
          onClick={() => session.ui.setState({ snapToGrid: !snap })}
          title="Snap notes to a 20 px grid"
        >
          Snap to grid
        </button>
      </fieldset>
      <fieldset className="toolbar__group" aria-label="View">
        <button type="button" onClick={viewport.zoomToFit} aria-keyshortcuts="Shift+1">
          Zoom to fit
        </button>
        <button type="button" onClick={viewport.zoomToSelection} aria-keyshortcuts="Shift+2">
          Zoom to selection
        </button>
        <button
          type="button"
          onClick={() => session.ui.setState({ searchOpen: true })}
          aria-keyshortcuts="Control+F"
        >
          Search
        </button>
      </fieldset>
      <FlowTools editable={live && !readOnly} />
      <fieldset className="toolbar__group" aria-label="Export">
        <button
          type="button"
          disabled={!live}
          onClick={() => run((m) => m.downloadBoardFile(session.doc, boardName))}
        >
          Download board file
        </button>
        <button
          type="button"
          disabled={!live}
          onClick={() => run((m) => m.exportPng(session.doc, boardName, selection()))}
        >
          Export PNG
        </button>
        <button
          type="button"
          disabled={!live}
          onClick={() => run((m) => m.exportSvg(session.doc, boardName, selection()))}
        >
          Export SVG
        </button>
        <button type="button" disabled={!live} onClick={() => setContractsOpen(true)}>
          Export code
        </button>
        <DownloadSummaryButton boardName={boardName} disabled={!live} />
        <button type="button" disabled={!live} onClick={() => setRevisionsOpen(true)}>
          Revisions
        </button>
      </fieldset>
      <ComparisonBar />
      {contractsOpen && (
        <Suspense fallback={null}>
          <ContractsDialog boardName={boardName} onClose={() => setContractsOpen(false)} />
        </Suspense>
      )}
      {revisionsOpen && (
        <Suspense fallback={null}>
          <RevisionsDialog readOnly={readOnly} onClose={() => setRevisionsOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}
