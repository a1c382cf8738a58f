import { useEffect } from 'react';

/**
 * Why a board cannot be opened: it does not exist, this browser holds no valid link to it, or the
 * server refused what this browser sent (a change over the board's limits, a malformed message).
 */
export type BoardRefusal = 'missing' | 'no-access' | 'link-rotated' | 'over-limit' | 'refused';

const TEXT: Record<BoardRefusal, { readonly title: string; readonly body: string }> = {
  missing: {
    title: 'Board not found',
    body: 'It may have been deleted, or the link is incomplete.',
  },
  'no-access': {
    title: 'You need a link to this board',
    body: 'Boards open with the link their owner shares. Ask for the edit or view link, and open it here.',
  },
  'link-rotated': {
    title: 'This link no longer works',
    body: 'The board’s owner replaced it with a new one. Ask them for the current link.',
  },
  'over-limit': {
    title: 'That change was too big for this board',
    body: 'The server refused it: the board would go over a limit (note length, number of notes or stored size). Everything saved before it is safe; reload the page to go on from there.',
  },
  refused: {
    title: 'The server closed this board’s connection',
    body: 'It refused something this browser sent. Everything saved is safe; reload the page to go on.',
  },
};

/** A board that cannot be opened: say why, kindly, and offer a way back, never an empty canvas. */
export function BoardNotFound({
  boardId,
  reason = 'missing',
}: {
  readonly boardId: string;
  readonly reason?: BoardRefusal;
}) {
  const { title, body } = TEXT[reason];
  useEffect(() => {
    document.title = `${title} · Squall`;
  }, [title]);
  return (
    <main className="not-found">
      <h1>{title}</h1>
      <p>
        Board <code>{boardId}</code>: {body}
      </p>
      <p>
        <a href="/" className="button primary">
          See all boards
        </a>
      </p>
    </main>
  );
}

/** What a refusal by the server means for the page (close codes of `/sync`, statuses of `/api`). */
export function refusalOf(code: number): BoardRefusal {
  if (code === 401 || code === 4401 || code === 403) return 'no-access';
  if (code === 4403) return 'link-rotated';
  if (code === 4413) return 'over-limit';
  // Malformed or unsupported messages, rate limits: the board exists, this connection misbehaved.
  if (code === 4415 || code === 4422 || code === 4423 || code === 4429) return 'refused';
  return 'missing';
}
