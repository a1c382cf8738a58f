import { MAX_TEXT_LENGTH, updateElement } from '@squall/model';
import { useEffect, useRef } from 'react';
import { useSession } from './SessionContext.ts';

interface NoteTextEditorProps {
  readonly id: string;
  readonly text: string;
  readonly fontSize: number;
  readonly label: string;
}

/**
 * Inline editing like a sticky note: multi-line, Esc or a click elsewhere finishes. The text is written
 * once when editing ends (one undo step), through `updateElement`, which merges with concurrent edits.
 */
export function NoteTextEditor({ id, text, fontSize, label }: NoteTextEditorProps) {
  const session = useSession();
  const area = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    element.focus();
    element.select();
  }, []);

  function finish() {
    if (finished.current) return;
    finished.current = true;
    const next = area.current?.value ?? text;
    if (next !== text) updateElement(session.doc, id, { text: next }, session.origin);
    if (session.ui.getState().editingId === id) session.ui.setState({ editingId: null });
  }

  return (
    <textarea
      ref={area}
      className="note__editor nodrag nowheel nopan"
      aria-label={`Text of ${label}`}
      defaultValue={text}
      // A longer text could not be saved to a board file and imported again.
      maxLength={MAX_TEXT_LENGTH}
      style={{ fontSize }}
      onBlur={finish}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.nativeEvent.isComposing) return;
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          finish();
        }
      }}
    />
  );
}
