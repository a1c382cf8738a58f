import {
  type BoardFile,
  boardFileFromSnapshot,
  compareZ,
  connectElements,
  createElements,
  type ElementInit,
  elementInit,
  elementsInContext,
  newId,
  parseBoardFile,
  readBoard,
  serializeBoardFile,
} from '@squall/model';
import type * as Y from 'yjs';

function withoutZ({ z: _z, ...init }: ElementInit): ElementInit {
  return init;
}

/**
 * What Copy puts on the clipboard: a board file (`.squall.json`) of the copied elements and the
 * connections among them, so a paste is validated like an import and a file's text pastes too.
 */
export type ClipboardContent = BoardFile;

const STORAGE_KEY = 'squall:clipboard';

/** The selection plus, for a selected frame, what it contains (copying a context copies its notes). */
export function clipboardContent(doc: Y.Doc, selectedIds: ReadonlySet<string>): ClipboardContent {
  const board = readBoard(doc);
  const ids = new Set(selectedIds);
  for (const id of selectedIds) for (const inside of elementsInContext(board.elements, id)) ids.add(inside);
  const elements = board.elements.filter((element) => ids.has(element.id));
  const connections = board.connections.filter(
    (connection) => ids.has(connection.source) && ids.has(connection.target),
  );
  return boardFileFromSnapshot({ ...board, elements, connections }, 'Clipboard');
}

/** Clipboard text as a board file, or undefined when it is not one (someone copied plain text). */
export function parseClipboardContent(text: string | null): ClipboardContent | undefined {
  if (!text) return undefined;
  const result = parseBoardFile(text);
  return result.ok ? result.file : undefined;
}

/**
 * Writes a copy with new ids, offset by `offset`, keeping the copies' relative z-order above everything.
 * One transaction: one undo step. Returns the new element ids.
 */
export function pasteContent(
  doc: Y.Doc,
  content: ClipboardContent,
  offset: { readonly x: number; readonly y: number },
  origin: unknown,
): string[] {
  const idMap = new Map<string, string>();
  const ordered = [...content.elements].sort(compareZ);
  for (const element of ordered) idMap.set(element.id, newId());
  const inits = ordered.map((element) => ({
    // Without its z, a pasted element goes on top of the board.
    ...withoutZ(elementInit(element)),
    id: idMap.get(element.id)!,
    position: { x: element.position.x + offset.x, y: element.position.y + offset.y },
  }));
  let ids: string[] = [];
  doc.transact(() => {
    ids = createElements(doc, inits, origin);
    for (const connection of content.connections) {
      const source = idMap.get(connection.source);
      const target = idMap.get(connection.target);
      // The grammar decides again: a copied arrow it now refuses (from an old import) is left out.
      if (source && target) connectElements(doc, { source, target, label: connection.label }, origin);
    }
  }, origin);
  return ids;
}

/** Saves to this browser (so paste works across boards and tabs) and, when allowed, the system clipboard. */
export function writeClipboard(content: ClipboardContent): void {
  const text = serializeBoardFile(content);
  window.localStorage.setItem(STORAGE_KEY, text);
  navigator.clipboard?.writeText(text).catch(() => {
    // The system clipboard needs a permission; the browser-local copy is enough to paste.
  });
}

export function readClipboard(): ClipboardContent | undefined {
  return parseClipboardContent(window.localStorage.getItem(STORAGE_KEY));
}
