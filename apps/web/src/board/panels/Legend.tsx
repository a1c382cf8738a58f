import { ELEMENT_KINDS, KIND_INFO } from '@squall/model';
import { useState } from 'react';
import { KIND_SHORTCUTS } from '../editing/kindShortcuts.ts';
import { SHORTCUTS } from '../editing/shortcutList.ts';

/** The grammar at a glance (colour, name, meaning, key of every kind) and the other keys. Always one click away. */
export function Legend() {
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<'kinds' | 'keys'>('kinds');
  return (
    <section className="legend" aria-label="Legend">
      <div className="legend__tabs">
        <button type="button" className="legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          Legend
        </button>
        {open && (
          <button
            type="button"
            className="legend__switch"
            aria-pressed={tab === 'keys'}
            onClick={() => setTab(tab === 'keys' ? 'kinds' : 'keys')}
          >
            Keyboard
          </button>
        )}
      </div>
      {open && tab === 'kinds' && (
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
      {open && tab === 'keys' && (
        <dl className="legend__keys">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
