import { ELEMENT_KINDS, KIND_INFO } from '@squall/model';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { placeElement } from '../editing/actions.ts';
import { KIND_SHORTCUTS } from '../editing/kindShortcuts.ts';
import { useSession } from '../SessionContext.ts';

/** One button per kind, in its canonical colour; it places the kind in the middle of the view. */
export function Palette({ disabled }: { readonly disabled: boolean }) {
  const session = useSession();
  const viewport = useViewportTools();
  return (
    <nav className="palette" aria-label="Palette">
      {ELEMENT_KINDS.map((kind) => {
        const info = KIND_INFO[kind];
        const key = KIND_SHORTCUTS[kind];
        return (
          <button
            key={kind}
            type="button"
            disabled={disabled}
            className={`palette__item palette__item--${kind}`}
            aria-label={info.label}
            aria-keyshortcuts={key.toUpperCase()}
            title={`${info.label} (${key.toUpperCase()}): ${info.meaning}`}
            onClick={() => {
              // Stagger repeated clicks so new notes do not hide each other.
              const centre = viewport.centre();
              const count = session.view.store.getState().elements.size % 6;
              placeElement(session, kind, { x: centre.x + count * 24, y: centre.y + count * 24 });
            }}
          >
            <span className="palette__swatch" style={{ background: info.color }} aria-hidden="true" />
            <span className="palette__key" aria-hidden="true">
              {key.toUpperCase()}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
