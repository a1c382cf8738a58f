import { boardFileFromDoc, readBoard, serializeBoardFile } from '@squall/model';
import type * as Y from 'yjs';
import { boardSvg } from './boardSvg.ts';
import { downloadBlob, fileNameFor } from './download.ts';

/**
 * Export actions, loaded on first use so they never weigh on the board's first paint.
 * `onlyIds` limits an image to the selection; an empty set means the whole board.
 */
function svgOf(doc: Y.Doc, onlyIds: ReadonlySet<string>): string {
  return boardSvg(readBoard(doc), onlyIds.size > 0 ? onlyIds : undefined);
}

export function exportSvg(doc: Y.Doc, boardName: string, onlyIds: ReadonlySet<string>): void {
  downloadBlob(new Blob([svgOf(doc, onlyIds)], { type: 'image/svg+xml' }), fileNameFor(boardName, '.svg'));
}

/** PNG at 2× for sharp text; very large boards are scaled down to stay within canvas limits. */
export async function exportPng(doc: Y.Doc, boardName: string, onlyIds: ReadonlySet<string>): Promise<void> {
  const svg = svgOf(doc, onlyIds);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(2, 16_000 / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.width * scale));
    canvas.height = Math.max(1, Math.round(image.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image (no 2D canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The board is too large to export as a PNG; export it as SVG instead.');
    downloadBlob(blob, fileNameFor(boardName, '.png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBoardFile(doc: Y.Doc, boardName: string): void {
  const text = serializeBoardFile(boardFileFromDoc(doc, boardName));
  downloadBlob(new Blob([text], { type: 'application/json' }), fileNameFor(boardName, '.squall.json'));
}
