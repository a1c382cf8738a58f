import type { ExportResult } from './export-board.ts';
import type { ExportFile } from './export-file.ts';

/** What `GET /api/boards/:id/export?format=` serves. */
export const EXPORT_DOWNLOAD_FORMATS = ['zip', 'asyncapi', 'typescript', 'jsonschema', 'topics'] as const;
export type ExportDownloadFormat = (typeof EXPORT_DOWNLOAD_FORMATS)[number];

export function isExportDownloadFormat(value: unknown): value is ExportDownloadFormat {
  return typeof value === 'string' && (EXPORT_DOWNLOAD_FORMATS as readonly string[]).includes(value);
}

/** The files of one format (`zip` = all of them, README included); order stays sorted by path. */
export function selectExportFiles(result: ExportResult, format: ExportDownloadFormat): ExportFile[] {
  if (format === 'zip') return [...result.files];
  return result.files.filter((file) => file.path.startsWith(`${format}/`));
}
