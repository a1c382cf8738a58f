import { currentPhase, type ElementKind, KIND_INFO, paletteForPhase } from '@squall/model';
import { useEffect, useState } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { placeElement } from '../editing/actions.ts';
import { KIND_SHORTCUTS } from '../editing/kindShortcuts.ts';
import { useSession } from '../SessionContext.ts';
import { useWorkshop } from '../workshop/useWorkshop.ts';

/**
 * One button per kind, in its canonical colour; it places the kind in the middle of the view. During a
 * workshop phase the phase's kinds come first and the others sit behind "More kinds", one click away
 * (their keyboard shortcuts work all the time).
 */
export function Palette({ disabled }: { readonly disabled: boolean }) {
  const phase = useWorkshop(currentPhase);
  const { first, more } = paletteForPhase(phase);
  const [showMore, setShowMore] = useState(false);
  useEffect(() => {
    // A new phase shows its own kinds first again.
    if (phase) setShowMore(false);
  }, [phase]);
  return (
    <nav className="palette" aria-label="Palette">
      {first.map((kind) => (
        <PaletteButton key={kind} kind={kind} disabled={disabled} />
      ))}
      {more.length > 0 && (
        <button
          type="button"
          className="palette__more"
          aria-expanded={showMore}
          onClick={() => setShowMore(!showMore)}
          title={showMore ? 'Show only the kinds of this phase' : 'Show every kind'}
        >
          {showMore ? 'Fewer' : 'More kinds'}
        </button>
      )}
      {showMore && more.map((kind) => <PaletteButton key={kind} kind={kind} disabled={disabled} />)}
    </nav>
  );
}

function PaletteButton({ kind, disabled }: { readonly kind: ElementKind; readonly disabled: boolean }) {
  const session = useSession();
  const viewport = useViewportTools();
  const info = KIND_INFO[kind];
  const key = KIND_SHORTCUTS[kind];
  return (
    <button
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
}
