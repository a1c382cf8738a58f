import { type FormEvent, useState } from 'react';
import type { BoardSummary } from '../api/boards.ts';
import { boardCounts } from './boardCounts.ts';
import { formatRelativeTime } from './formatTime.ts';

interface BoardRowProps {
  readonly board: BoardSummary;
  readonly onRename: (name: string) => Promise<void>;
  readonly onDelete: () => Promise<void>;
}

export function BoardRow({ board, onRename, onDelete }: BoardRowProps) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirmDelete'>('view');
  const [name, setName] = useState(board.name);
  const [busy, setBusy] = useState(false);
  const counts = boardCounts(board);

  async function submitRename(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onRename(name.trim());
      setMode('view');
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="board-row" aria-label={board.name}>
      {mode === 'rename' ? (
        <form className="board-row__rename" onSubmit={submitRename}>
          <input
            aria-label={`New name for ${board.name}`}
            value={name}
            maxLength={200}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this board
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setMode('view');
            }}
          />
          <button type="submit" disabled={busy || name.trim() === ''}>
            Save
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <a className="board-row__name" href={`/b/${encodeURIComponent(board.id)}`}>
          {board.name}
        </a>
      )}
      <span className="board-row__meta">
        {counts ? `${counts} · ` : ''}changed {formatRelativeTime(board.updatedAt)}
      </span>
      {mode === 'view' && (
        <span className="board-row__actions">
          <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${board.name}`}>
            Rename
          </button>
          <button type="button" onClick={() => setMode('confirmDelete')} aria-label={`Delete ${board.name}`}>
            Delete
          </button>
        </span>
      )}
      {mode === 'confirmDelete' && (
        <div className="board-row__confirm" role="alertdialog" aria-label={`Delete ${board.name}?`}>
          <span>Delete “{board.name}” for everyone? This cannot be undone.</span>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onDelete();
              } finally {
                setBusy(false);
              }
            }}
          >
            Delete board
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}
