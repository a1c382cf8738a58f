import { useEffect, useState } from 'react';
import { boardsApi } from '../../api/boards.ts';
import { heldBoard } from '../../api/boardTokens.ts';

interface OwnerControlsProps {
  readonly boardId: string;
  /** A link was rotated: the share panel shows the new one. */
  readonly onRotated: () => void;
}

/**
 * What only the board's creator can do (this browser holds the owner key): lock the board while
 * presenting, rotate a link that went too far, and see the owner key to keep it somewhere safe.
 */
export function OwnerControls({ boardId, onRotated }: OwnerControlsProps) {
  const [locked, setLocked] = useState<boolean | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ownerKey = heldBoard(boardId)?.token;

  useEffect(() => {
    let wanted = true;
    boardsApi.get(boardId).then(
      (board) => wanted && setLocked(board.locked === true),
      () => wanted && setLocked(undefined),
    );
    return () => {
      wanted = false;
    };
  }, [boardId]);

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="owner-controls">
      <legend>Owner controls</legend>
      <p>
        {locked
          ? 'Locked: read-only for everyone, you included.'
          : 'Unlocked: everyone with the edit link can edit.'}{' '}
        <button
          type="button"
          disabled={busy || locked === undefined}
          onClick={() =>
            void act(async () => {
              const board = await boardsApi.setLocked(boardId, !locked);
              setLocked(board.locked === true);
            })
          }
        >
          {locked ? 'Unlock board' : 'Lock board'}
        </button>
      </p>
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              await boardsApi.rotate(boardId, 'edit');
              onRotated();
            })
          }
        >
          New edit link
        </button>{' '}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              await boardsApi.rotate(boardId, 'view');
              onRotated();
            })
          }
        >
          New view-only link
        </button>
      </p>
      <p className="muted">
        A new link disconnects everyone who used the old one, and the old one stops working.
      </p>
      {ownerKey && (
        <label>
          Owner key (save it: it lets you lock the board and change its links from another browser)
          <input readOnly value={ownerKey} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {problem && <p role="alert">{problem}</p>}
    </fieldset>
  );
}
