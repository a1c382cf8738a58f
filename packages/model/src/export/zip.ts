import { zipSync } from 'fflate';
import type { ExportFile } from './export-file.ts';

/** A fixed timestamp keeps the archive byte-identical for the same files (the zip epoch is 1980). */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** The files as a zip archive, in the given order, under an optional top folder. */
export function zipExport(files: readonly ExportFile[], folder = ''): Uint8Array {
  const encoder = new TextEncoder();
  const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files)
    entries[`${prefix}${file.path}`] = [encoder.encode(file.contents), { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
