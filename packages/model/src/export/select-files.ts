import type { ExportResult } from './export-board.ts';
import type { ExportFile } from './export-file.ts';

/** What `GET /api/boards/:id/export?format=` serves. */
export const EXPORT_DOWNLOAD_FORMATS = [
  'zip',
  'asyncapi',
  'typescript',
  'jsonschema',
  'topics',
  'registry',
  'connect',
  'services',
] as const;
export type ExportDownloadFormat = (typeof EXPORT_DOWNLOAD_FORMATS)[number];

export function isExportDownloadFormat(value: unknown): value is ExportDownloadFormat {
  return typeof value === 'string' && (EXPORT_DOWNLOAD_FORMATS as readonly string[]).includes(value);
}

/**
 * The files of one format (`zip` = all of them, README included; `services` with the TypeScript they import);
 * order stays sorted by path.
 */
export function selectExportFiles(result: ExportResult, format: ExportDownloadFormat): ExportFile[] {
  if (format === 'zip') return [...result.files];
  if (format === 'services') {
    // The services import the TypeScript contracts, and the root package.json makes them one workspace.
    return result.files.filter(
      (file) =>
        file.path.startsWith('services/') ||
        file.path.startsWith('typescript/') ||
        file.path === 'package.json',
    );
  }
  return result.files.filter((file) => file.path.startsWith(`${format}/`));
}
