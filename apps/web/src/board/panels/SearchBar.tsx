import { useEffect, useMemo, useRef, useState } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { useSession, useUi, useView } from '../SessionContext.ts';
import { searchElements } from './searchElements.ts';

/** Ctrl/Cmd+F: highlights every match and jumps between them with Enter / Shift+Enter. */
export function SearchBar() {
  const session = useSession();
  const open = useUi((state) => state.searchOpen);
  const elements = useView((state) => state.elements);
  const viewport = useViewportTools();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => searchElements(elements.values(), query), [elements, query]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  useEffect(() => {
    session.view.setMatches(new Set(open ? matches.map((match) => match.id) : []));
  }, [matches, open, session]);

  if (!open) return null;

  function jump(to: number) {
    if (matches.length === 0) return;
    const next = (to + matches.length) % matches.length;
    setIndex(next);
    viewport.focusElement(matches[next]!.id);
  }

  return (
    <search className="search">
      <input
        ref={input}
        type="search"
        aria-label="Search the board"
        placeholder="Search notes…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            jump(event.shiftKey ? index - 1 : index + 1);
          } else if (event.key === 'Escape') {
            setQuery('');
            session.ui.setState({ searchOpen: false });
          }
        }}
      />
      <output aria-live="polite">
        {query.trim() === ''
          ? ''
          : matches.length === 0
            ? 'No matches'
            : `${index >= 0 ? index + 1 : 0} of ${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`}
      </output>
      <button
        type="button"
        aria-label="Close search"
        onClick={() => session.ui.setState({ searchOpen: false })}
      >
        ×
      </button>
    </search>
  );
}
