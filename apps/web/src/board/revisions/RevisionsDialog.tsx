import type { BoardDiff, CompatibilityMode } from '@squall/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import { boardsApi } from '../../api/boards.ts';
import { type RevisionSummary, revisionsApi } from '../../api/revisions.ts';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { useSession } from '../SessionContext.ts';
import { comparisonFrom, showComparison } from './comparison.ts';
import { RevisionView } from './RevisionView.tsx';
import './revisions.css';

interface RevisionsDialogProps {
  readonly readOnly: boolean;
  readonly onClose: () => void;
}

const MODES: readonly CompatibilityMode[] = ['backward', 'forward', 'full'];

/**
 * "Revisions": save the board as a named revision on the server, list the saved ones, start a new
 * board from one, and compare one with the live board: the contract changes, breaking or compatible
 * under the chosen mode, each able to select its note on the board.
 */
export default function RevisionsDialog({ readOnly, onClose }: RevisionsDialogProps) {
  const session = useSession();
  const viewport = useViewportTools();
  const dialog = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<readonly RevisionSummary[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [mode, setMode] = useState<CompatibilityMode>('backward');
  const [compared, setCompared] = useState<{ rev: RevisionSummary; diff: BoardDiff } | undefined>();
  const [viewed, setViewed] = useState<{ rev: RevisionSummary; fileText: string } | undefined>();

  const attempt = useCallback(async (work: () => Promise<void>) => {
    try {
      setError('');
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);
  const reload = useCallback(
    () => attempt(async () => setRevisions((await revisionsApi.list(session.boardId)).revisions)),
    [attempt, session.boardId],
  );

  useEffect(() => {
    dialog.current?.showModal();
    void reload();
  }, [reload]);

  /** The list here, and the marks on the board's notes (cleared from the comparison bar). */
  const applyComparison = (rev: RevisionSummary, diff: BoardDiff) => {
    setCompared({ rev, diff });
    showComparison(comparisonFrom(rev.name, diff));
  };
  const compare = (rev: RevisionSummary, withMode = mode) =>
    attempt(async () => applyComparison(rev, await revisionsApi.diff(session.boardId, rev.rev, withMode)));

  const showOnBoard = (ids: readonly string[]) => {
    const present = ids.filter((id) => session.view.store.getState().elements.has(id));
    session.view.select(present);
    if (present[0]) viewport.revealElement(present[0]);
  };

  return (
    <dialog ref={dialog} className="revisions" aria-labelledby="revisions-title" onClose={onClose}>
      <header className="revisions__header">
        <h2 id="revisions-title">Revisions</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <form
        className="revisions__save"
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(async () => {
            await revisionsApi.save(session.boardId, name.trim() || 'Saved revision');
            setName('');
            await reload();
          });
        }}
      >
        <label>
          Revision name
          <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={readOnly}>
          Save revision
        </button>
      </form>
      {error && (
        <p role="alert" className="revisions__error">
          {error}
        </p>
      )}
      <ul className="revisions__list" aria-label="Saved revisions">
        {revisions.map((rev) => (
          <li key={rev.rev}>
            <span className="revisions__name">
              {rev.rev}. {rev.name}
              {rev.version ? ` (v${rev.version})` : ''}
            </span>
            <time dateTime={rev.createdAt}>{new Date(rev.createdAt).toLocaleString()}</time>
            <button type="button" onClick={() => void compare(rev)} aria-label={`Compare with ${rev.name}`}>
              Compare with…
            </button>
            <button
              type="button"
              aria-label={`Open ${rev.name} read-only`}
              onClick={() =>
                void attempt(async () =>
                  setViewed({ rev, fileText: await revisionsApi.file(session.boardId, rev.rev) }),
                )
              }
            >
              Open read-only
            </button>
            <button
              type="button"
              aria-label={`New board from ${rev.name}`}
              onClick={() =>
                void attempt(async () => {
                  const created = await boardsApi.import(await revisionsApi.file(session.boardId, rev.rev));
                  // The import kept its tokens in this browser, so the board's page opens it.
                  window.open(`/b/${encodeURIComponent(created.id)}`, '_blank', 'noopener');
                })
              }
            >
              New board from it
            </button>
          </li>
        ))}
        {revisions.length === 0 && <li>No revisions yet.</li>}
      </ul>
      {viewed && <RevisionView name={viewed.rev.name} fileText={viewed.fileText} />}
      {compared && (
        <section className="revisions__diff" aria-label="Changes since the revision">
          <h3>
            Changes since “{compared.rev.name}”:{' '}
            {compared.diff.changes.length === 0
              ? 'none'
              : compared.diff.compatible
                ? `${compared.diff.changes.length} compatible`
                : `${compared.diff.breakingCount} breaking of ${compared.diff.changes.length}`}
          </h3>
          <label>
            Compatibility mode
            <select
              value={mode}
              onChange={(event) => {
                const next = event.target.value as CompatibilityMode;
                setMode(next);
                void compare(compared.rev, next);
              }}
            >
              {MODES.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          {compared.diff.changes.length > 0 && (
            <button type="button" onClick={() => showOnBoard(compared.diff.changes.map((c) => c.elementId))}>
              Select changed notes
            </button>
          )}
          <ul>
            {compared.diff.changes.map((change, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity beyond their place
                key={index}
                className={change.breaking ? 'revisions__change is-breaking' : 'revisions__change'}
              >
                <strong>{change.breaking ? 'Breaking' : 'Compatible'}</strong> {change.kind}: {change.reason}
                <button type="button" onClick={() => showOnBoard([change.elementId])}>
                  Show on board
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </dialog>
  );
}
