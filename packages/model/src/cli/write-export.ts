import { lstat, mkdir, mkdtemp, readFile, realpath, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { escapeControlCharacters } from '../display-text.ts';
import type { ExportFile } from '../export/export-file.ts';
import { CliError, EXIT_FAILED } from './cli-error.ts';
import {
  type DeveloperFilesPlan,
  type KeptFile,
  planDeveloperFiles,
  readDeveloperEntries,
} from './developer-files.ts';
import { EXPORT_MANIFEST_FILE, exportManifestText, staleExportFiles } from './export-manifest.ts';
import { FolderChange } from './folder-change.ts';
import type { Output } from './output.ts';

/**
 * `squall export` writes atomically: a failure leaves the output folder as it was.
 *
 * 1. Plan: read the previous manifest, decide which of its files are stale (and safe to delete),
 *    and which developer-owned files exist already (those are never written again).
 * 2. Stage: write every file and the new manifest into a temporary folder beside the output folder
 *    (inside it when it is a mount point or its parent is not writable): the same file system, so
 *    moving a file from there is an atomic rename. Most failures (no space, a name too long, no
 *    permission) happen here, before the output folder is touched.
 * 3. Commit. A new folder: the staged folder is renamed to it, in one step. An existing folder,
 *    which may hold files of the user's that must stay: file by file. Stale files and the files
 *    about to be replaced move into a backup folder beside it, then the staged files move in, the
 *    new manifest last. Every move is recorded; when one fails, the recorded moves are undone and
 *    the backup goes back, so the folder is as before. The backup is deleted once the export stands.
 *
 * While the files move, the folder's manifest lists the previous export's files and this one's, so
 * even a killed process leaves nothing the next export cannot clean up.
 */
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

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
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

/** The previous export's files this one deletes, and the folders that may be left empty. */
interface StaleFiles {
  readonly files: readonly string[];
  readonly directories: readonly string[];
}

/** Which stale files can be deleted safely: never anything outside `root`, nor a folder. */
async function planStaleFiles(root: string, files: readonly ExportFile[], out: Output): Promise<StaleFiles> {
  const manifest = await readPreviousManifest(root, out);
  const stale = staleExportFiles(
    manifest,
    files.map((file) => file.path),
  );
  if (stale.problem) {
    warn(
      out,
      `ignoring ${join(root, EXPORT_MANIFEST_FILE)}: ${stale.problem}. No stale files were removed; this export replaces it.`,
    );
    return { files: [], directories: [] };
  }
  if (stale.files.length === 0) return { files: [], directories: [] };
  const realRoot = await realpath(root);
  const safe: string[] = [];
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
    } catch (error) {
      // Already gone (deleted by hand, or its folder was): nothing to do.
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') continue;
      throw error;
    }
    safe.push(file);
  }
  return { files: safe, directories: stale.directories };
}

/**
 * Where the staging and backup folders go: beside the output folder (its real location), so a
 * rename moves a file without copying it; inside it when it is on another file system than its
 * parent (a mount point) or its parent is not writable.
 */
async function temporaryFolder(root: string, label: string): Promise<string> {
  const rootExists = await exists(root);
  const real = rootExists ? await realpath(root) : root;
  const parent = dirname(real);
  const mountPoint = rootExists && (await stat(real)).dev !== (await stat(parent)).dev;
  if (!mountPoint) {
    try {
      return await mkdtemp(join(parent, `.${basename(real)}.squall-${label}-`));
    } catch (error) {
      const denied = ['EACCES', 'EPERM', 'EROFS'].includes(String(errorCode(error)));
      if (!denied || !rootExists) throw error;
    }
  }
  return mkdtemp(join(real, `.squall-${label}-`));
}

/** The paths the manifest lists under `files`: the generated ones, not the developer's. */
function generatedPaths(files: readonly ExportFile[]): string[] {
  return files.filter((file) => !file.developerOwned).map((file) => file.path);
}

/** Writes the files to write (not the developer's that exist) and the manifest into a staging folder. */
async function stage(
  root: string,
  files: readonly ExportFile[],
  developer: DeveloperFilesPlan,
): Promise<string> {
  const staging = await temporaryFolder(root, 'staging');
  try {
    for (const file of developer.write) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents);
    }
    await writeFile(
      join(staging, EXPORT_MANIFEST_FILE),
      exportManifestText(generatedPaths(files), developer.entries),
    );
    return staging;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Moves the staged files into an existing folder, stale files and replaced ones into a backup. */
async function mergeInto(
  root: string,
  staging: string,
  files: readonly ExportFile[],
  developer: DeveloperFilesPlan,
  stale: StaleFiles,
  change: FolderChange,
  backup: string,
): Promise<void> {
  const manifest = join(root, EXPORT_MANIFEST_FILE);
  const pendingManifest = join(staging, `${EXPORT_MANIFEST_FILE}.pending`);
  await writeFile(
    pendingManifest,
    exportManifestText([...stale.files, ...generatedPaths(files)], developer.entries),
  );
  if (await exists(manifest)) await change.move(manifest, join(backup, EXPORT_MANIFEST_FILE));
  await change.move(pendingManifest, manifest);
  for (const file of stale.files) await change.move(join(root, file), join(backup, file));
  for (const file of developer.write) {
    const target = join(root, file.path);
    const existing = await lstat(target).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) {
      throw new Error(`${file.path} is a folder; the export needs a file there`);
    }
    if (existing) await change.move(target, join(backup, file.path));
    await change.move(join(staging, file.path), target);
  }
  await change.move(join(staging, EXPORT_MANIFEST_FILE), manifest);
}

/** Folders the stale files leave empty; a folder holding anything else stays, which is always safe. */
async function removeEmptied(root: string, directories: readonly string[]): Promise<string[]> {
  const realRoot = await realpath(root);
  const removed: string[] = [];
  for (const directory of directories) {
    const path = join(root, directory);
    try {
      if (!spelledInside(root, path) || !(await parentInside(realRoot, path))) continue;
      if (!(await lstat(path)).isDirectory()) continue;
      await rmdir(path); // fails unless empty
      removed.push(directory);
    } catch {
      // Not empty, gone, or not removable.
    }
  }
  return removed;
}

/**
 * Writes an export into `root` atomically (see above): deletes what the previous export (its
 * manifest) generated and this one does not, writes the files and the new manifest. Stale files
 * go before the new ones arrive, which matters on case-insensitive disks, where `OrderPlaced.ts`
 * and `Orderplaced.ts` are one file.
 */
export async function writeExport(
  root: string,
  files: readonly ExportFile[],
  out: Output,
): Promise<WrittenExport> {
  const failed = (error: unknown, changed = 'nothing in it was changed') =>
    new CliError(`could not write to ${root}: ${message(error)}; ${changed}`, EXIT_FAILED);
  let stale: StaleFiles;
  let developer: DeveloperFilesPlan;
  let staging: string;
  const change = new FolderChange();
  try {
    if (await exists(root)) {
      if (!(await stat(root)).isDirectory()) throw new Error('it is not a folder');
      developer = await keepDeveloperFiles(root, files, out);
      stale = await planStaleFiles(root, files, out);
    } else {
      developer = planDeveloperFiles(files, {}, new Set());
      stale = { files: [], directories: [] };
      // The staging folder goes beside the new folder, so its parent has to exist (until a failure).
      await change.makeFolders(dirname(root));
    }
    staging = await stage(root, files, developer);
  } catch (error) {
    await change.rollback();
    throw failed(error);
  }

  let backup: string | undefined;
  try {
    if (await exists(root)) {
      backup = await temporaryFolder(root, 'backup');
      await mergeInto(root, staging, files, developer, stale, change, backup);
    } else {
      await change.move(staging, root);
    }
  } catch (error) {
    const left = await change.rollback();
    await rm(staging, { recursive: true, force: true });
    if (left.length > 0 && backup) {
      throw failed(
        error,
        `undoing the export failed too (${message(left[0])}): the files it replaced are in ${escapeControlCharacters(backup)}`,
      );
    }
    if (backup) await rm(backup, { recursive: true, force: true });
    throw failed(error);
  }
  if (backup) await rm(backup, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });

  for (const file of stale.files) out.stdout(`removed  ${file}\n`);
  for (const directory of await removeEmptied(root, stale.directories))
    out.stdout(`removed  ${directory}/\n`);
  return { removed: stale.files, written: developer.write.length, kept: developer.kept };
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
