import { useEffect } from 'react';

/** An unknown or deleted board: say so kindly and offer a way back, never an empty canvas. */
export function BoardNotFound({ boardId }: { readonly boardId: string }) {
  useEffect(() => {
    document.title = 'Board not found · Squall';
  }, []);
  return (
    <main className="not-found">
      <h1>Board not found</h1>
      <p>
        There is no board <code>{boardId}</code>. It may have been deleted, or the link is incomplete.
      </p>
      <p>
        <a href="/" className="button primary">
          See all boards
        </a>
      </p>
    </main>
  );
}
