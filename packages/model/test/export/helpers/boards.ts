import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoardSnapshot, ExportFile } from '../../../src/index.ts';
import { formatBoardFileErrors, parseBoardFile, snapshotFromBoardFile } from '../../../src/index.ts';

export const MODEL_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REPO_ROOT = join(MODEL_ROOT, '../..');
export const EXAMPLES = ['banking-payments', 'container-shipping'] as const;

export function readExample(name: string): { board: BoardSnapshot; name: string } {
  const result = parseBoardFile(readFileSync(join(MODEL_ROOT, 'examples', `${name}.squall.json`)));
  if (!result.ok) throw new Error(`${name}: ${formatBoardFileErrors(result.errors)}`);
  return { board: snapshotFromBoardFile(result.file), name: result.file.name };
}

/**
 * A scratch folder inside the package, so generated TypeScript resolves `zod` from the repo's
 * node_modules (a folder under /tmp would not). Ignored by git.
 */
export function scratchDir(label: string): string {
  const dir = join(MODEL_ROOT, '.export-check', `${label}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: readonly ExportFile[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
}
