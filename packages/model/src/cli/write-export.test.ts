import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../export/export-file.ts';
import { CliError } from './cli-error.ts';
import { EXPORT_MANIFEST_FILE, exportManifestText } from './export-manifest.ts';
import type { Output } from './output.ts';
import { writeExport } from './write-export.ts';

const base = mkdtempSync(join(tmpdir(), 'squall-write-export-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function recorder(): Output & { stdout: (text: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { lines, stdout: (text) => lines.push(text), stderr: (text) => lines.push(text) };
}

/** Every folder and file under `root` with the files' contents: what "nothing changed" compares. */
function snapshot(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = `${prefix}${entry.name}`;
      return entry.isDirectory()
        ? [`${path}/`, ...snapshot(root, `${path}/`)]
        : [`${path} = ${readFileSync(join(root, path), 'utf8')}`];
    });
}

const files = (...entries: Array<[string, string]>): ExportFile[] =>
  entries.map(([path, contents]) => ({ path, contents }));

let n = 0;
/** A fresh parent folder, so leftovers beside the output folder can be seen. */
function parent(): string {
  const dir = join(base, `case-${++n}`);
  mkdirSync(dir);
  return dir;
}

const FIRST = files(['README.md', 'first\n'], ['a.ts', 'a1\n'], ['old.ts', 'old\n'], ['x/y.ts', 'y1\n']);

async function firstExport(root: string): Promise<void> {
  await writeExport(root, FIRST, recorder());
  // Files of the user's, in the generated folders and beside them.
  writeFileSync(join(root, 'NOTES.md'), 'mine\n');
  writeFileSync(join(root, 'x', 'mine.ts'), 'mine too\n');
}

describe('writeExport', () => {
  it('writes a new folder in one rename, leaving nothing beside it', async () => {
    const dir = parent();
    const root = join(dir, 'contracts');
    const result = await writeExport(root, FIRST, recorder());
    expect(result.removed).toEqual([]);
    expect(snapshot(root)).toEqual([
      `${EXPORT_MANIFEST_FILE} = ${exportManifestText(FIRST.map((file) => file.path))}`,
      'README.md = first\n',
      'a.ts = a1\n',
      'old.ts = old\n',
      'x/',
      'x/y.ts = y1\n',
    ]);
    expect(readdirSync(dir)).toEqual(['contracts']);
  });

  it('replaces the previous export and deletes its stale files, keeping the user files', async () => {
    const dir = parent();
    const root = join(dir, 'contracts');
    await firstExport(root);
    const out = recorder();
    const second = files(['README.md', 'second\n'], ['a.ts', 'a2\n'], ['b/c.ts', 'c2\n']);
    const result = await writeExport(root, second, out);
    expect(result.removed).toEqual(['old.ts', 'x/y.ts']);
    expect(out.lines).toEqual(['removed  old.ts\n', 'removed  x/y.ts\n']);
    expect(snapshot(root)).toEqual([
      `${EXPORT_MANIFEST_FILE} = ${exportManifestText(second.map((file) => file.path))}`,
      'NOTES.md = mine\n',
      'README.md = second\n',
      'a.ts = a2\n',
      'b/',
      'b/c.ts = c2\n',
      'x/',
      'x/mine.ts = mine too\n',
    ]);
    expect(readdirSync(dir)).toEqual(['contracts']);
  });

  it('changes nothing when writing a file fails (a name too long for the file system)', async () => {
    const dir = parent();
    const root = join(dir, 'contracts');
    await firstExport(root);
    const before = snapshot(root);
    const broken = files(
      ['README.md', 'second\n'],
      ['a.ts', 'a2\n'],
      [`${'x'.repeat(300)}.ts`, 'too long\n'],
    );
    const error = await writeExport(root, broken, recorder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(
      /^could not write to .*: ENAMETOOLONG.*; nothing in it was changed$/,
    );
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['contracts']);
  });

  it('creates no folder when writing into a new one fails, nor the parents it made for it', async () => {
    const dir = parent();
    const root = join(dir, 'made', 'for', 'contracts');
    const error = await writeExport(root, files([`${'x'.repeat(300)}.ts`, '']), recorder()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('puts everything back when a move fails part way (a folder of the user where a file goes)', async () => {
    const dir = parent();
    const root = join(dir, 'contracts');
    await firstExport(root);
    // The user made a folder where the next export writes a file, last in path order.
    mkdirSync(join(root, 'z', 'conflict.ts'), { recursive: true });
    writeFileSync(join(root, 'z', 'conflict.ts', 'inside.txt'), 'keep\n');
    const before = snapshot(root);
    const second = files(
      ['README.md', 'second\n'],
      ['a.ts', 'a2\n'],
      ['b/c.ts', 'c2\n'],
      ['x/y.ts', 'y2\n'],
      ['z/conflict.ts', 'file\n'],
    );
    const error = await writeExport(root, second, recorder()).catch((e: unknown) => e);
    expect((error as CliError).message).toBe(
      `could not write to ${root}: z/conflict.ts is a folder; the export needs a file there; nothing in it was changed`,
    );
    // README.md, a.ts and x/y.ts were replaced, old.ts moved out and b/ created before the failure.
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['contracts']);
  });
});
