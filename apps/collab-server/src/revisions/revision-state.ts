import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type BoardSnapshot, migrateBoardDoc, readBoard, writeBoardContent } from '@squall/model';
import * as Y from 'yjs';

type BoardContent = Pick<BoardSnapshot, 'level' | 'elements' | 'connections'>;

const REVISION_ORIGIN = 'squall-revision';

/**
 * A revision's stored state: the board's content written into a fresh Yjs document (no edit history,
 * no tombstones), encoded as one update and deflated. Element and connection ids and z keys are kept,
 * so a diff against the live board pairs the same elements.
 */
export function encodeRevisionState(content: BoardContent): Uint8Array {
  const doc = new Y.Doc();
  try {
    migrateBoardDoc(doc, REVISION_ORIGIN);
    writeBoardContent(doc, content, REVISION_ORIGIN);
    return deflateRawSync(Y.encodeStateAsUpdate(doc), { level: 9 });
  } finally {
    doc.destroy();
  }
}

/** The board a stored revision state holds; inflating stops at `maxBytes` (a damaged row cannot balloon). */
export function decodeRevisionState(state: Uint8Array, maxBytes: number): BoardSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, inflateRawSync(state, { maxOutputLength: maxBytes }));
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}

/** Equal content, equal hash: an export of an unchanged board reuses its latest revision. */
export function contentHash(content: BoardContent): string {
  const { level, elements, connections } = content;
  return createHash('sha256').update(JSON.stringify({ level, elements, connections })).digest('hex');
}
