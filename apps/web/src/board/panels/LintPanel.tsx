import { useState } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { useSession } from '../SessionContext.ts';
import { useLint } from './useLint.ts';

const SHOWN = 200;

/** The model's lint results, live; each one focuses the element it is about. */
export function LintPanel() {
  const session = useSession();
  const issues = useLint(session);
  const viewport = useViewportTools();
  const [open, setOpen] = useState(true);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <section className="lint" aria-label="Lint">
      <button type="button" className="lint__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Lint: {issues.length === 0 ? 'no problems' : `${issues.length} (${errors} errors)`}
      </button>
      {open && issues.length > 0 && (
        <ul className="lint__list">
          {issues.slice(0, SHOWN).map((issue) => (
            <li key={`${issue.code}:${issue.elementIds.join(',')}:${issue.message}`}>
              <button
                type="button"
                className={`lint__issue lint__issue--${issue.severity}`}
                onClick={() => {
                  const id = issue.elementIds[0];
                  if (id) viewport.focusElement(id);
                }}
              >
                <span className="lint__severity">{issue.severity}</span> {issue.message}
              </button>
            </li>
          ))}
          {issues.length > SHOWN && <li>…and {issues.length - SHOWN} more</li>}
        </ul>
      )}
    </section>
  );
}
