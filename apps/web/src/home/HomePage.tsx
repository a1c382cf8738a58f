import { BOARD_TEMPLATES, type BoardTemplate, TEMPLATE_LABELS } from '@squall/model';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, type BoardSummary, boardsApi } from '../api/boards.ts';
import { navigate } from '../app/routing.ts';
import { BoardRow } from './BoardRow.tsx';
import { ImportBoardButton } from './ImportBoardButton.tsx';

interface Problem {
  readonly title: string;
  readonly details: readonly string[];
  /** Said after a refused import: the server creates nothing from an invalid file. */
  readonly nothingImported?: boolean;
}

function problemFrom(title: string, error: unknown): Problem {
  if (error instanceof ApiError) {
    return {
      title: `${title}: ${error.message}`,
      details: error.details.map((detail) =>
        detail.path ? `${detail.path}: ${detail.message}` : detail.message,
      ),
    };
  }
  return { title: `${title}: ${error instanceof Error ? error.message : String(error)}`, details: [] };
}

export function HomePage() {
  const [boards, setBoards] = useState<readonly BoardSummary[] | undefined>();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<BoardTemplate>('empty');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setBoards(await boardsApi.list());
    } catch (error) {
      setProblem(problemFrom('Could not load the boards', error));
      setBoards([]);
    }
  }, []);

  useEffect(() => {
    document.title = 'Squall';
    void refresh();
  }, [refresh]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const board = await boardsApi.create(name.trim(), template);
      navigate(`/b/${encodeURIComponent(board.id)}`);
    } catch (error) {
      setProblem(problemFrom('Could not create the board', error));
      setBusy(false);
    }
  }

  async function importFile(text: string, fileName: string) {
    setBusy(true);
    setProblem(undefined);
    try {
      const board = await boardsApi.import(text);
      navigate(`/b/${encodeURIComponent(board.id)}`);
    } catch (error) {
      setProblem({ ...problemFrom(`Could not import ${fileName}`, error), nothingImported: true });
      setBusy(false);
    }
  }

  return (
    <main className="home">
      <header className="home__header">
        <h1>Squall</h1>
        <p>Event Storming boards that turn into event schemas, Kafka topics and AsyncAPI.</p>
      </header>
      <section className="home__actions" aria-label="New board">
        <form onSubmit={create} className="home__create">
          <input
            aria-label="Board name"
            placeholder="Name of the new board, e.g. Payments"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
          <label className="home__template">
            Template
            <select value={template} onChange={(event) => setTemplate(event.target.value as BoardTemplate)}>
              {BOARD_TEMPLATES.map((id) => (
                <option key={id} value={id}>
                  {TEMPLATE_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Create board
          </button>
        </form>
        <ImportBoardButton onFile={importFile} disabled={busy} />
      </section>
      {problem && (
        <div className="problem" role="alert">
          <p>{problem.title}</p>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
          {problem.nothingImported && <p className="problem__hint">Nothing was imported.</p>}
        </div>
      )}
      <section aria-label="Boards">
        <h2>Boards</h2>
        {boards === undefined ? (
          <p aria-busy="true">Loading boards…</p>
        ) : boards.length === 0 ? (
          <div className="empty-state">
            <p>
              <strong>No boards yet.</strong>
            </p>
            <p>Create a board above, or import a .squall.json file someone shared with you.</p>
          </div>
        ) : (
          <ul className="board-list">
            {boards.map((board) => (
              <BoardRow
                key={board.id}
                board={board}
                onRename={async (next) => {
                  try {
                    await boardsApi.rename(board.id, next);
                    await refresh();
                  } catch (error) {
                    setProblem(problemFrom('Could not rename the board', error));
                  }
                }}
                onDelete={async () => {
                  try {
                    await boardsApi.remove(board.id);
                    await refresh();
                  } catch (error) {
                    setProblem(problemFrom('Could not delete the board', error));
                  }
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
