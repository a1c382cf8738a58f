import { ELEMENT_KINDS, KIND_INFO } from '@squall/model';
import { useState } from 'react';
import { KIND_SHORTCUTS } from './kindShortcuts.ts';

/** The grammar at a glance: colour, name, meaning and shortcut of every kind. Always one click away. */
export function Legend() {
  const [open, setOpen] = useState(true);
  return (
    <section className={`legend${open ? '' : ' is-closed'}`} aria-label="Legend">
      <button type="button" className="legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <ul>
          {ELEMENT_KINDS.map((kind) => (
            <li key={kind} title={KIND_INFO[kind].meaning}>
              <span
                className="legend__swatch"
                style={{ background: KIND_INFO[kind].color }}
                aria-hidden="true"
              />
              <span className="legend__name">{KIND_INFO[kind].label}</span>
              <kbd>{KIND_SHORTCUTS[kind].toUpperCase()}</kbd>
              <span className="visually-hidden">{KIND_INFO[kind].meaning}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
