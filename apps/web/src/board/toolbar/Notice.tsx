import { useEffect } from 'react';
import { useSession, useUi } from '../SessionContext.ts';

const VISIBLE_MS = 8000;

/** A short message, e.g. why a connection was refused; read out by screen readers. */
export function Notice() {
  const session = useSession();
  const notice = useUi((state) => state.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (session.ui.getState().notice?.id === notice.id) session.ui.setState({ notice: null });
    }, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, session]);
  return (
    <div className="notice" role="alert">
      {notice && (
        <>
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => session.ui.setState({ notice: null })}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
