import {
  type BoardFile,
  type BoardSnapshot,
  EXPORT_DOWNLOAD_FORMATS,
  exportBoard,
  exportDownload,
  isExportDownloadFormat,
  resolveExportOptions,
  snapshotFromBoardFile,
  TOPIC_PROFILES,
  type TopicProfile,
} from '@squall/model';
import type { ExportRevision } from '../revisions/board-revisions.ts';
import { HttpError, type Reply } from './http-error.ts';

/** Records the export (a revision and the contracts' version) once the request is known to be valid. */
export type RecordExport = (board: BoardSnapshot, format: string) => Promise<ExportRevision>;

/**
 * `GET /api/boards/:id/export?format=zip|asyncapi|typescript|jsonschema|topics|services[&org=][&profile=dev|prod]`:
 * the board's contracts for a build pipeline, generated from the latest stored state by the model's
 * exporters (the same bytes the CLI and the web app produce). `services` is the event-sourced services
 * with the TypeScript contracts they import (`squall export --only services`); `zip` is the contracts.
 */
export async function exportReply(
  file: BoardFile,
  query: URLSearchParams,
  record?: RecordExport,
): Promise<Reply> {
  const format = query.get('format') ?? 'zip';
  if (!isExportDownloadFormat(format)) {
    throw new HttpError(400, 'invalid_format', `format must be one of ${EXPORT_DOWNLOAD_FORMATS.join(', ')}`);
  }
  const profile = query.get('profile') ?? 'prod';
  if (!(TOPIC_PROFILES as readonly string[]).includes(profile)) {
    throw new HttpError(400, 'invalid_profile', `profile must be one of ${TOPIC_PROFILES.join(', ')}`);
  }
  const org = query.get('org') ?? undefined;
  const options = {
    boardName: file.name,
    profile: profile as TopicProfile,
    ...(org ? { org } : {}),
    ...(format === 'services' ? { only: ['services'] as const } : {}),
  };
  try {
    resolveExportOptions(options);
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, 'invalid_option', error.message);
    throw error;
  }
  const board = snapshotFromBoardFile(file);
  // Only a valid request records a revision; its version goes into the files.
  const recorded = await record?.(board, format);
  const result = exportBoard(board, { ...options, ...(recorded ? { version: recorded.version } : {}) });
  const download = exportDownload(result, format, file.name);
  if (!download) {
    throw new HttpError(
      404,
      'nothing_to_export',
      `the board has nothing to export as ${format} (no events yet?)`,
    );
  }
  const errors = result.warnings.filter((warning) => warning.severity === 'error').length;
  return {
    status: 200,
    text: download.body,
    headers: {
      'content-type': download.mediaType,
      'content-disposition': `attachment; filename="${download.fileName}"`,
      // Pipelines can fail on lint errors without unpacking the zip.
      'x-squall-lint-errors': String(errors),
      ...(recorded?.revision ? { 'x-squall-revision': String(recorded.revision.rev) } : {}),
      ...(recorded ? { 'x-squall-contract-version': recorded.version } : {}),
    },
  };
}
