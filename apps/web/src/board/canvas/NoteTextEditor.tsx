import { elementText, MAX_TEXT_LENGTH, textEdit } from '@squall/model';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { cycleFreshKind, stepFrom } from '../flow/flowActions.ts';
import { useSession } from '../SessionContext.ts';
import { docOf } from '../workshop/drafts.ts';
import { mapPosition } from './textBinding.ts';
import { useViewportTools } from './useViewportTools.ts';

interface NoteTextEditorProps {
  readonly id: string;
  readonly text: string;
  readonly fontSize: number;
  readonly label: string;
}

/** While someone edits a note, their keystrokes gather into one undo step (the undo manager's capture window). */
const EDITING_CAPTURE_MS = 24 * 60 * 60 * 1000;

/**
 * Inline editing like a sticky note: multi-line, Esc or a click elsewhere finishes. Bound to the note's
 * `Y.Text` as people type, so two people typing into one note merge character by character; the
 * colleague's characters appear in this textarea as they type, and the caret stays where it was.
 * A whole editing session is one undo step.
 */
export function NoteTextEditor({ id, text, fontSize, label }: NoteTextEditorProps) {
  const session = useSession();
  const area = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  /** What the textarea showed after the last sync with the shared text. */
  const shown = useRef(text);
  const composing = useRef(false);
  const viewport = useViewportTools();

  useEffect(() => {
    const element = area.current;
    const shared: Y.Text | undefined = elementText(docOf(session, id), id);
    if (!element || !shared) return;
    element.focus();
    element.select();
    const { undo } = session;
    undo.stopCapturing();
    const captureTimeout = undo.captureTimeout;
    undo.captureTimeout = EDITING_CAPTURE_MS;
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === session.origin) return;
      // Mid-composition (an IME), the textarea is left alone; `onCompositionEnd` catches up.
      if (composing.current) return;
      const start = mapPosition(element.selectionStart, event.delta);
      const end = mapPosition(element.selectionEnd, event.delta);
      element.value = shared.toString();
      shown.current = element.value;
      if (document.activeElement === element) element.setSelectionRange(start, end);
    };
    shared.observe(onRemote);
    return () => {
      shared.unobserve(onRemote);
      undo.captureTimeout = captureTimeout;
      undo.stopCapturing();
    };
  }, [session, id]);

  function write() {
    const element = area.current;
    const doc = docOf(session, id);
    const shared = elementText(doc, id);
    if (!element || !shared) return;
    const { index, remove, insert } = textEdit(shown.current, element.value);
    shown.current = element.value;
    if (remove === 0 && insert === '') return;
    doc.transact(() => {
      if (remove > 0) shared.delete(index, remove);
      if (insert) shared.insert(index, insert);
    }, session.origin);
  }

  /** Catches up with what others typed while an IME composition held the textarea. */
  function catchUp() {
    const element = area.current;
    const shared = elementText(docOf(session, id), id);
    if (!element || !shared || element.value === shared.toString()) return;
    const caret = element.selectionStart;
    element.value = shared.toString();
    shown.current = element.value;
    element.setSelectionRange(caret, caret);
  }

  function finish() {
    if (finished.current) return;
    finished.current = true;
    write();
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
      onInput={write}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        write();
        catchUp();
      }}
      onBlur={finish}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.nativeEvent.isComposing) return;
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          finish();
        } else if (event.key === 'Tab') {
          // Keyboard flow modelling: done with this note, on to the next (or previous) one; on a new,
          // still empty note, Tab tries the grammar's other choice there instead.
          event.preventDefault();
          if (cycleFreshKind(session, id)) return;
          finish();
          stepFrom(session, id, event.shiftKey ? 'previous' : 'next', viewport);
        }
      }}
    />
  );
}
