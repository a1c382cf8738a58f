import type { ExportResult } from './export-board.ts';
import { exportFileMediaType } from './file-types.ts';
import { boardFileName } from './names.ts';
import { type ExportDownloadFormat, selectExportFiles } from './select-files.ts';
import { zipExport } from './zip.ts';

/** What an HTTP response (or a browser download) of an export carries. */
export interface ExportDownload {
  readonly fileName: string;
  readonly mediaType: string;
  readonly body: Uint8Array;
}

/**
 * One format of an export as a single download: the file itself when the format has exactly one
 * (e.g. AsyncAPI of a one-context board), else a zip named after the board and the format.
 * `undefined` when the format has no files (e.g. AsyncAPI of a board without events).
 */
export function exportDownload(
  result: ExportResult,
  format: ExportDownloadFormat,
  boardName: string,
): ExportDownload | undefined {
  const files = selectExportFiles(result, format);
  if (files.length === 0) return undefined;
  const base = boardFileName(boardName);
  const only = files.length === 1 && format !== 'zip' ? files[0] : undefined;
  if (only) {
    return {
      fileName: only.path.slice(only.path.lastIndexOf('/') + 1),
      mediaType: exportFileMediaType(only.path),
      body: new TextEncoder().encode(only.contents),
    };
  }
  const name = format === 'zip' ? `${base}-contracts` : `${base}-${format}`;
  return { fileName: `${name}.zip`, mediaType: 'application/zip', body: zipExport(files, name) };
}
