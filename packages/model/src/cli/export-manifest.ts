/**
 * The manifest `squall export` leaves in its output folder: the files it generated, so the next
 * export can delete the ones it no longer generates (a renamed event's old schema, a removed
 * context's folder) and nothing else. Pure: the CLI reads and writes the files.
 */

import { quoted } from '../display-text.ts';

/** The manifest's name, at the top of the output folder. */
export const EXPORT_MANIFEST_FILE = '.squall-export.json';
export const EXPORT_MANIFEST_FORMAT = 'squall.export-manifest';
export const EXPORT_MANIFEST_VERSION = 1;

export interface ExportManifest {
  readonly format: typeof EXPORT_MANIFEST_FORMAT;
  readonly version: typeof EXPORT_MANIFEST_VERSION;
  readonly about: string;
  /** Relative, '/'-separated, sorted, unique. */
  readonly files: readonly string[];
  /** Files the developer owns (never deleted nor overwritten), with what their scaffold covered. */
  readonly developerFiles?: Readonly<Record<string, readonly string[]>>;
}

export type ExportManifestRead =
  | { readonly ok: true; readonly files: readonly string[] }
  | { readonly ok: false; readonly problem: string };

export interface StaleExportFiles {
  /** Files of the previous export that this one does not generate, sorted. */
  readonly files: readonly string[];
  /**
   * Folders that held those files and hold none of this export's, deepest first: the CLI removes
   * each one that is empty once the files are gone.
   */
  readonly directories: readonly string[];
  /** Why the previous manifest was ignored (then nothing is stale). */
  readonly problem?: string;
}

const ABOUT =
  'Files written by `squall export`. The next export into this folder deletes the ones listed in "files" that it no longer generates; other files are left alone. Those in "developerFiles" are yours: never overwritten nor deleted.';

/** The manifest's text for an export that generated `paths` (and owns none of `developerFiles`). */
export function exportManifestText(
  paths: readonly string[],
  developerFiles?: Readonly<Record<string, readonly string[]>>,
): string {
  const developer = Object.keys(developerFiles ?? {}).sort();
  const manifest: ExportManifest = {
    format: EXPORT_MANIFEST_FORMAT,
    version: EXPORT_MANIFEST_VERSION,
    about: ABOUT,
    files: [...new Set(paths)].sort(),
    ...(developer.length > 0
      ? { developerFiles: Object.fromEntries(developer.map((path) => [path, developerFiles![path]!])) }
      : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A path that stays inside the output folder on every platform: relative, '/'-separated, no empty,
 * `.` or `..` segment, no backslash, colon (Windows drives and streams) or NUL.
 */
export function isSafeExportPath(path: string): boolean {
  if (path.length === 0 || /[\\:\0]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function shown(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Reads a manifest's text. Anything unexpected (not JSON, another format or version, an entry that
 * is not a string or leaves the folder) rejects the whole manifest: deleting files on the word of a
 * manifest that was edited or damaged is not worth the risk. Duplicate entries count once.
 */
export function readExportManifest(text: string): ExportManifestRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'it is not a JSON object' };
  }
  const manifest = value as Record<string, unknown>;
  if (manifest.format !== EXPORT_MANIFEST_FORMAT) {
    return {
      ok: false,
      problem: `its "format" is ${shown(manifest.format)}, not "${EXPORT_MANIFEST_FORMAT}"`,
    };
  }
  if (manifest.version !== EXPORT_MANIFEST_VERSION) {
    const newer = typeof manifest.version === 'number' && manifest.version > EXPORT_MANIFEST_VERSION;
    return {
      ok: false,
      problem: newer
        ? `its version ${manifest.version} is newer than this squall understands (${EXPORT_MANIFEST_VERSION})`
        : `its "version" is ${shown(manifest.version)}, not ${EXPORT_MANIFEST_VERSION}`,
    };
  }
  if (!Array.isArray(manifest.files)) {
    return { ok: false, problem: `its "files" is ${shown(manifest.files)}, not an array` };
  }
  const files = new Set<string>();
  for (const [index, entry] of (manifest.files as unknown[]).entries()) {
    if (typeof entry !== 'string') {
      return { ok: false, problem: `files[${index}] is ${shown(entry)}, not a path` };
    }
    if (!isSafeExportPath(entry)) {
      return {
        ok: false,
        problem: `files[${index}] ${shown(entry)} is not a relative path inside the output folder`,
      };
    }
    files.add(entry);
  }
  return { ok: true, files: [...files].sort() };
}

/** `a/b/c.ts` → `['a/b', 'a']`. */
function ancestors(path: string): string[] {
  const segments = path.split('/');
  const result: string[] = [];
  for (let length = segments.length - 1; length > 0; length--) {
    result.push(segments.slice(0, length).join('/'));
  }
  return result;
}

/**
 * Which files of the previous export (`previousManifest`, the manifest's text, `undefined` when
 * there was none) the new export, generating `newFiles`, leaves stale. Paths compare exactly: a
 * rename that only changes case is stale too (the CLI deletes before it writes, so on a
 * case-insensitive disk the new file still ends up with the new name).
 */
export function staleExportFiles(
  previousManifest: string | undefined,
  newFiles: readonly string[],
): StaleExportFiles {
  if (previousManifest === undefined) return { files: [], directories: [] };
  const previous = readExportManifest(previousManifest);
  if (!previous.ok) return { files: [], directories: [], problem: previous.problem };
  const generated = new Set(newFiles);
  const files = previous.files.filter((path) => !generated.has(path) && path !== EXPORT_MANIFEST_FILE);
  const kept = new Set(newFiles.flatMap(ancestors));
  const directories = [...new Set(files.flatMap(ancestors))]
    .filter((directory) => !kept.has(directory))
    .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  return { files, directories };
}
