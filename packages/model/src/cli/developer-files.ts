/**
 * Files the developer owns once they exist (a service's decide, evolve, policies, projections): the export
 * writes them only when they are missing, and reports what the board changed in them instead of changing
 * them. The manifest remembers what each one covered when it was last compared. Pure: the CLI does the I/O.
 */
import type { ExportFile } from '../export/export-file.ts';

/** What the manifest keeps per developer-owned file: what the scaffold covered at the last export. */
export type DeveloperEntries = Readonly<Record<string, readonly string[]>>;

export interface KeptFile {
  readonly path: string;
  /** What the board has now that the scaffold did not cover at the last export (`event PaymentRefunded`). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** The scaffold's code for each added item, to paste. */
  readonly stubs: readonly string[];
}

export interface DeveloperFilesPlan {
  /** Generated files, and the developer's that do not exist yet. */
  readonly write: readonly ExportFile[];
  /** Developer-owned files that exist and stay as they are. */
  readonly kept: readonly KeptFile[];
  /** Developer-owned files of the previous export the board no longer generates: kept, and forgotten. */
  readonly orphaned: readonly string[];
  readonly entries: DeveloperEntries;
}

/** The `developerFiles` of a manifest's text; anything malformed counts as none (nothing is deleted on it). */
export function readDeveloperEntries(manifest: string | undefined): DeveloperEntries {
  if (manifest === undefined) return {};
  try {
    const value = (JSON.parse(manifest) as { developerFiles?: unknown }).developerFiles;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const entries: Record<string, readonly string[]> = {};
    for (const [path, covers] of Object.entries(value)) {
      if (Array.isArray(covers) && covers.every((item) => typeof item === 'string')) entries[path] = covers;
    }
    return entries;
  } catch {
    return {};
  }
}

/**
 * Which files to write, given which developer-owned paths exist already (`existing`). An existing file
 * with no entry in the previous manifest (written by hand, or by an older squall) is kept without a report.
 */
export function planDeveloperFiles(
  files: readonly ExportFile[],
  previous: DeveloperEntries,
  existing: ReadonlySet<string>,
): DeveloperFilesPlan {
  const write: ExportFile[] = [];
  const kept: KeptFile[] = [];
  const entries: Record<string, readonly string[]> = {};
  for (const file of files) {
    if (!file.developerOwned) {
      write.push(file);
      continue;
    }
    const { covers, stubs } = file.developerOwned;
    entries[file.path] = covers;
    if (!existing.has(file.path)) {
      write.push(file);
      continue;
    }
    const before = Object.hasOwn(previous, file.path) ? previous[file.path]! : covers;
    const added = covers.filter((item) => !before.includes(item));
    const removed = before.filter((item) => !covers.includes(item));
    kept.push({ path: file.path, added, removed, stubs: added.flatMap((item) => stubs?.[item] ?? []) });
  }
  const orphaned = Object.keys(previous)
    .filter((path) => !Object.hasOwn(entries, path))
    .sort();
  return { write, kept, orphaned, entries };
}
