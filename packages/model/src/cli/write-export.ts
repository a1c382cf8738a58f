import { lstat, mkdir, readFile, realpath, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { ExportFile } from '../export/export-file.ts';
import { CliError, EXIT_FAILED } from './cli-error.ts';
import { type KeptFile, planDeveloperFiles, readDeveloperEntries } from './developer-files.ts';
import { EXPORT_MANIFEST_FILE, exportManifestText, staleExportFiles } from './export-manifest.ts';
import type { Output } from './output.ts';

export interface WrittenExport {
  /** Stale files of the previous export that were deleted, relative to the folder. */
  readonly removed: readonly string[];
  /** How many files were written (developer-owned files that exist are not). */
  readonly written: number;
  /** Developer-owned files that exist and were left as they are. */
  readonly kept: readonly KeptFile[];
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function warn(out: Output, text: string): void {
  out.stderr(`${'warning'.padEnd(7)} export-manifest: ${text}\n`);
}

async function readPreviousManifest(root: string, out: Output): Promise<string | undefined> {
  try {
    return await readFile(join(root, EXPORT_MANIFEST_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    warn(out, `could not read ${EXPORT_MANIFEST_FILE} (${message(error)}); no stale files were removed.`);
    return undefined;
  }
}

/**
 * Whether `path` (inside `root` by its spelling) is inside the real `realRoot` once symbolic
 * links in its folders are followed: a link to elsewhere must not make us delete elsewhere.
 */
async function parentInside(realRoot: string, path: string): Promise<boolean> {
  const parent = await realpath(dirname(path));
  return parent === realRoot || parent.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

function spelledInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Deletes the stale files (and the folders they leave empty); never anything outside `root`. */
async function removeStale(root: string, files: readonly ExportFile[], out: Output): Promise<string[]> {
  const stale = staleExportFiles(
    await readPreviousManifest(root, out),
    files.map((file) => file.path),
  );
  if (stale.problem) {
    warn(
      out,
      `ignoring ${join(root, EXPORT_MANIFEST_FILE)}: ${stale.problem}. No stale files were removed; this export replaces it.`,
    );
    return [];
  }
  if (stale.files.length === 0) return [];
  const realRoot = await realpath(root);
  const removed: string[] = [];
  for (const file of stale.files) {
    const path = join(root, file);
    try {
      if (!spelledInside(root, path) || !(await parentInside(realRoot, path))) {
        warn(out, `kept ${file}: its folder leads outside ${root}.`);
        continue;
      }
      if ((await lstat(path)).isDirectory()) {
        warn(out, `kept ${file}: it is a folder now.`);
        continue;
      }
      await unlink(path);
    } catch (error) {
      // Already gone (deleted by hand, or its folder was): nothing to do.
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') continue;
      throw new CliError(`could not remove the stale file ${path}: ${message(error)}`, EXIT_FAILED);
    }
    removed.push(file);
    out.stdout(`removed  ${file}\n`);
  }
  for (const directory of stale.directories) {
    const path = join(root, directory);
    try {
      if (!spelledInside(root, path) || !(await parentInside(realRoot, path))) continue;
      if (!(await lstat(path)).isDirectory()) continue;
      await rmdir(path); // fails unless empty: a folder holding anything else stays
      out.stdout(`removed  ${directory}/\n`);
    } catch {
      // Not empty, gone, or not removable: it stays, which is always safe.
    }
  }
  return removed;
}

/**
 * Writes an export into `root`: first deletes what the previous export (its manifest) generated and
 * this one does not, then writes the files, then the new manifest. Deleting first matters on
 * case-insensitive disks, where `OrderPlaced.ts` and `Orderplaced.ts` are one file.
 */
export async function writeExport(
  root: string,
  files: readonly ExportFile[],
  out: Output,
): Promise<WrittenExport> {
  const developer = await keepDeveloperFiles(root, files, out);
  const removed = await removeStale(root, files, out);
  try {
    for (const file of developer.write) {
      const path = join(root, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents);
    }
    await mkdir(root, { recursive: true });
    const generated = files.filter((file) => !file.developerOwned).map((file) => file.path);
    await writeFile(join(root, EXPORT_MANIFEST_FILE), exportManifestText(generated, developer.entries));
  } catch (error) {
    throw new CliError(`could not write to ${root}: ${message(error)}`, EXIT_FAILED);
  }
  return { removed, written: developer.write.length, kept: developer.kept };
}

/**
 * Developer-owned files that exist are never written again: reports what the board changed in them
 * since the last export (with the scaffold's code for what is new), and which ones it no longer has.
 */
async function keepDeveloperFiles(root: string, files: readonly ExportFile[], out: Output) {
  const existing = new Set<string>();
  for (const file of files) {
    if (!file.developerOwned) continue;
    try {
      await lstat(join(root, file.path));
      existing.add(file.path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
    }
  }
  const previous = existing.size > 0 ? readDeveloperEntries(await readPreviousManifest(root, out)) : {};
  const plan = planDeveloperFiles(files, previous, existing);
  for (const kept of plan.kept) {
    if (kept.added.length === 0 && kept.removed.length === 0) continue;
    const changes = [
      ...(kept.added.length ? [`the board now also has ${kept.added.join(', ')}`] : []),
      ...(kept.removed.length ? [`no longer has ${kept.removed.join(', ')}`] : []),
    ];
    out.stdout(`kept     ${kept.path} (yours): ${changes.join('; ')}\n`);
    for (const stub of kept.stubs) out.stdout(`${stub.trimEnd().replace(/^/gm, '           ')}\n`);
  }
  for (const path of plan.orphaned) out.stdout(`kept     ${path} (yours): no longer on the board\n`);
  return plan;
}
