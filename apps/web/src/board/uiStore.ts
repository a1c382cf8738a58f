import type { ElementKind } from '@squall/model';
import type { XYPosition } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** View-only state of one open board: never in the document, never shared. */
export interface UiState {
  /** The note whose text is being edited inline. */
  readonly editingId: string | null;
  readonly snapToGrid: boolean;
  readonly searchOpen: boolean;
  /** A short message for the user (a refused connection, a failed export). */
  readonly notice: { readonly id: number; readonly text: string } | null;
  /** Last pointer position over the canvas, in board coordinates: where shortcuts place notes. */
  readonly cursor: XYPosition | null;
  /** Kind placed by a double-click on the canvas: the last one used. */
  readonly lastKind: ElementKind;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The participant (awareness client id) whose viewport this user's follows, until they move. */
  readonly following: number | null;
  /** Elements gliding to new places (Enforce the timeline, Arrange flow): drawn until they arrive. */
  readonly gliding: ReadonlySet<string>;
}

export type UiStore = StoreApi<UiState>;

let noticeId = 0;

export function createUiStore(): UiStore {
  return createStore<UiState>(() => ({
    editingId: null,
    snapToGrid: false,
    searchOpen: false,
    notice: null,
    cursor: null,
    lastKind: 'domainEvent',
    canUndo: false,
    canRedo: false,
    following: null,
    gliding: new Set(),
  }));
}

export function showNotice(ui: UiStore, text: string): void {
  ui.setState({ notice: { id: ++noticeId, text } });
}
