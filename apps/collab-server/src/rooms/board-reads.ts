import { type BoardSnapshot, boardFileFromSnapshot, readBoard, serializeBoardFile } from '@squall/model';
import type * as Y from 'yjs';
import type { BoardCounts } from '../storage/board-store.ts';

/**
 * What the HTTP API reads of a board in memory (its snapshot, counts, board file and preview), computed
 * once per change of the document rather than once per request: reading a 5,000-note board takes tens
 * of milliseconds, and a crowd opening it at once asks for the same file many times.
 */
export class BoardReads {
  private snapshotCache: BoardSnapshot | undefined;
  private fileCache: { readonly name: string; readonly text: string } | undefined;
  private previewCache: string | undefined;

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.forget);
  }

  snapshot(): BoardSnapshot {
    this.snapshotCache ??= readBoard(this.doc);
    return this.snapshotCache;
  }

  counts(): BoardCounts {
    const { elements, connections } = this.snapshot();
    return { elementCount: elements.length, connectionCount: connections.length };
  }

  /** The board file, serialised, under the board's current `name`. */
  fileText(name: string): string {
    if (this.fileCache?.name !== name) {
      this.fileCache = { name, text: serializeBoardFile(boardFileFromSnapshot(this.snapshot(), name)) };
    }
    return this.fileCache.text;
  }

  /**
   * What a first picture of the board is drawn from (`GET /api/boards/:id/preview`): its level, elements
   * and connections as compact JSON.
   */
  previewText(): string {
    const { level, elements, connections } = this.snapshot();
    this.previewCache ??= JSON.stringify({ level, elements, connections });
    return this.previewCache;
  }

  private readonly forget = (): void => {
    this.snapshotCache = undefined;
    this.fileCache = undefined;
    this.previewCache = undefined;
  };
}
