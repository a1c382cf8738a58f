import { useState } from 'react';
import { heldBoard } from '../../api/boardTokens.ts';
import { useSession } from '../SessionContext.ts';
import { OwnerControls } from './OwnerControls.tsx';

function linkTo(boardId: string, token: string): string {
  return `${window.location.origin}/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
}

/**
 * The links that open this board: a board opens only with one, so this is how colleagues join. The
 * creator holds both (edit and view-only); someone who came through a link can pass that same link on.
 */
export function ShareLinks() {
  const { boardId } = useSession();
  const [open, setOpen] = useState(false);
  // Bumped when the owner rotates a link, so the panel re-reads the held tokens.
  const [, setRotations] = useState(0);
  const held = heldBoard(boardId);
  if (!held) return null;
  const links: Array<{ label: string; url: string }> = held.editToken
    ? [
        { label: 'Edit link', url: linkTo(boardId, held.editToken) },
        ...(held.viewToken ? [{ label: 'View-only link', url: linkTo(boardId, held.viewToken) }] : []),
      ]
    : [{ label: 'Link you opened', url: linkTo(boardId, held.token) }];
  return (
    <div className="share">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Share
      </button>
      {open && (
        <section className="share__panel" aria-label="Share this board">
          {links.map(({ label, url }) => (
            <div key={label} className="share__link">
              <label>
                {label}
                <input readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
              </label>
              <button type="button" onClick={() => void navigator.clipboard?.writeText(url).catch(() => {})}>
                Copy
              </button>
            </div>
          ))}
          <p className="muted">Anyone with a link can open the board; keep the edit link among the team.</p>
          {held.editToken && (
            <OwnerControls boardId={boardId} onRotated={() => setRotations((count) => count + 1)} />
          )}
        </section>
      )}
    </div>
  );
}
