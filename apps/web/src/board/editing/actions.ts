import {
  connectElements,
  createElement,
  deleteConnections,
  deleteElements,
  type ElementKind,
  KIND_INFO,
  reorderElements,
} from '@squall/model';
import type { XYPosition } from '@xyflow/react';
import type { BoardSession } from '../session.ts';
import { showNotice } from '../uiStore.ts';
import { createDraft, deleteDrafts, updateAnyElements } from '../workshop/drafts.ts';
import { silentWritingOf } from '../workshop/workshopState.ts';
import { clipboardContent, pasteContent, readClipboard, writeClipboard } from './clipboard.ts';

export const GRID = 20;
const PASTE_OFFSET = 40;

/** Places a new element centred on `at`, selects it and starts editing its text. */
export function placeElement(session: BoardSession, kind: ElementKind, at: XYPosition): string {
  const { width, height } = KIND_INFO[kind].defaultSize;
  let position = { x: at.x - width / 2, y: at.y - height / 2 };
  if (session.ui.getState().snapToGrid) {
    position = { x: Math.round(position.x / GRID) * GRID, y: Math.round(position.y / GRID) * GRID };
  }
  const id = silentWritingOf(session.doc).on
    ? createDraft(session, { kind, position })
    : createElement(session.doc, { kind, position }, session.origin);
  session.view.select([id]);
  session.ui.setState({ editingId: id, lastKind: kind });
  return id;
}

/** Deletes the selected elements (with their connections) and selected connections, as one undo step. */
export function deleteSelection(session: BoardSession): void {
  const { selectedIds, selectedEdgeIds } = session.view.store.getState();
  if (selectedIds.size === 0 && selectedEdgeIds.size === 0) return;
  session.doc.transact(() => {
    deleteConnections(session.doc, selectedEdgeIds, session.origin);
    deleteElements(session.doc, selectedIds, session.origin);
  }, session.origin);
  deleteDrafts(session.drafts, selectedIds);
}

export function nudgeSelection(session: BoardSession, dx: number, dy: number): void {
  const { selectedIds, elements } = session.view.store.getState();
  const updates = [...selectedIds].flatMap((id) => {
    const element = elements.get(id);
    return element
      ? [{ id, patch: { position: { x: element.position.x + dx, y: element.position.y + dy } } }]
      : [];
  });
  if (updates.length > 0) updateAnyElements(session, updates);
}

export function reorderSelection(session: BoardSession, to: 'front' | 'back'): void {
  const ids = [...session.view.store.getState().selectedIds];
  if (ids.length > 0) reorderElements(session.doc, ids, to, session.origin);
}

export function copySelection(session: BoardSession): boolean {
  const { selectedIds } = session.view.store.getState();
  if (selectedIds.size === 0) return false;
  writeClipboard(clipboardContent(session.doc, selectedIds));
  return true;
}

/** Pastes what was copied (on this board or another), offset so the copy is visibly a copy, and selects it. */
export function paste(session: BoardSession): void {
  const content = readClipboard();
  if (!content || content.elements.length === 0) {
    showNotice(session.ui, 'Nothing to paste: copy some notes first (Ctrl+C).');
    return;
  }
  const ids = pasteContent(session.doc, content, { x: PASTE_OFFSET, y: PASTE_OFFSET }, session.origin);
  session.view.select(ids);
}

export function duplicateSelection(session: BoardSession): void {
  const { selectedIds } = session.view.store.getState();
  if (selectedIds.size === 0) return;
  const content = clipboardContent(session.doc, selectedIds);
  const ids = pasteContent(session.doc, content, { x: PASTE_OFFSET, y: PASTE_OFFSET }, session.origin);
  session.view.select(ids);
}

/** Connects two elements if Event Storming allows it; otherwise tells the user what it expects instead. */
export function connect(session: BoardSession, source: string, target: string): boolean {
  if (session.drafts.has(source) || session.drafts.has(target)) {
    showNotice(session.ui, 'Drafts cannot be connected: publish the note first.');
    return false;
  }
  const result = connectElements(session.doc, { source, target }, session.origin);
  if (!result.ok) showNotice(session.ui, result.reason);
  return result.ok;
}

export function undo(session: BoardSession): void {
  session.undo.undo();
}

export function redo(session: BoardSession): void {
  session.undo.redo();
}
