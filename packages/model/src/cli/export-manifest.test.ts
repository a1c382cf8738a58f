import { describe, expect, it } from 'vitest';
import { exportBoard } from '../export/export-board.ts';
import { parseBoardFile, snapshotFromBoardFile } from '../index.ts';
import {
  EXPORT_MANIFEST_FILE,
  exportManifestText,
  isSafeExportPath,
  readExportManifest,
  staleExportFiles,
} from './export-manifest.ts';

/** A version-1 manifest listing `files` as they are (the hostile ones too). */
function manifest(files: unknown): string {
  return JSON.stringify({ format: 'squall.export-manifest', version: 1, files });
}

describe('exportManifestText', () => {
  it('lists the files sorted and once, with the format and version, and reads back', () => {
    const text = exportManifestText(['topics/topics.json', 'README.md', 'topics/topics.json']);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json.format).toBe('squall.export-manifest');
    expect(json.version).toBe(1);
    expect(json.files).toEqual(['README.md', 'topics/topics.json']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readExportManifest(text)).toEqual({ ok: true, files: ['README.md', 'topics/topics.json'] });
  });

  it('accepts every path the exporters generate (else the next export would ignore its own manifest)', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const example of ['banking-payments', 'container-shipping']) {
      const parsed = parseBoardFile(
        await readFile(new URL(`../../examples/${example}.squall.json`, import.meta.url)),
      );
      if (!parsed.ok) throw new Error(example);
      const paths = exportBoard(snapshotFromBoardFile(parsed.file), { asyncApiScope: 'board' })
        .files.concat(exportBoard(snapshotFromBoardFile(parsed.file)).files)
        .map((file) => file.path);
      expect(paths.length).toBeGreaterThan(10);
      expect(paths.filter((path) => !isSafeExportPath(path))).toEqual([]);
      expect(staleExportFiles(exportManifestText(paths), paths)).toEqual({ files: [], directories: [] });
    }
  });
});

describe('isSafeExportPath', () => {
  it('accepts relative /-separated paths and refuses anything that could leave the folder', () => {
    expect(isSafeExportPath('README.md')).toBe(true);
    expect(isSafeExportPath('jsonschema/payments/payment/payment-blocked.v1.schema.json')).toBe(true);
    expect(isSafeExportPath('.squall-export.json')).toBe(true);
    for (const path of [
      '',
      '../x',
      'a/../../x',
      'a/..',
      './a',
      'a/./b',
      '/etc/passwd',
      'a//b',
      'a/',
      '..\\x',
      'a\\b',
      'C:/Windows/x',
      'c:x',
      'file.ts:stream',
      'a\0b',
    ]) {
      expect(isSafeExportPath(path), JSON.stringify(path)).toBe(false);
    }
  });
});

describe('staleExportFiles', () => {
  const before = [
    'README.md',
    'jsonschema/payments/payment/payment-blocked.v1.schema.json',
    'jsonschema/payments/payment/payment-completed.v1.schema.json',
    'jsonschema/notifications/alert/alert-raised.v1.schema.json',
    'typescript/notifications/alert.ts',
    'typescript/notifications/index.ts',
  ];
  const after = [
    'README.md',
    'jsonschema/notifications/incident/alert-raised.v1.schema.json',
    'jsonschema/payments/payment/payment-completed.v1.schema.json',
    'jsonschema/payments/payment/payment-held.v1.schema.json',
    'typescript/notifications/incident.ts',
    'typescript/notifications/index.ts',
  ];

  it('finds nothing stale without a previous manifest', () => {
    expect(staleExportFiles(undefined, after)).toEqual({ files: [], directories: [] });
  });

  it('finds the files the new export no longer generates, and the folders only they needed', () => {
    expect(staleExportFiles(exportManifestText(before), after)).toEqual({
      files: [
        'jsonschema/notifications/alert/alert-raised.v1.schema.json',
        'jsonschema/payments/payment/payment-blocked.v1.schema.json',
        'typescript/notifications/alert.ts',
      ],
      // jsonschema/payments/payment, jsonschema/notifications, typescript/notifications still hold new files
      directories: ['jsonschema/notifications/alert'],
    });
  });

  it('lists emptied folders deepest first, so children go before their parents', () => {
    const stale = staleExportFiles(manifest(['a/b/c/x.ts', 'a/b/y.ts', 'a/z.ts', 'q/r.ts', 'keep.ts']), [
      'keep.ts',
    ]);
    expect(stale.directories).toEqual(['a/b/c', 'a/b', 'a', 'q']);
  });

  it('counts a rename that only changes case as stale', () => {
    expect(
      staleExportFiles(manifest(['typescript/OrderPlaced.ts']), ['typescript/Orderplaced.ts']).files,
    ).toEqual(['typescript/OrderPlaced.ts']);
  });

  it('never lists the manifest itself, and counts duplicates once', () => {
    expect(
      staleExportFiles(manifest([EXPORT_MANIFEST_FILE, 'old.ts', 'old.ts', 'README.md']), ['README.md']),
    ).toEqual({ files: ['old.ts'], directories: [] });
  });

  it('lets a new file take the place of an old folder (the folder is a candidate to remove)', () => {
    expect(staleExportFiles(manifest(['a/b.ts']), ['a'])).toEqual({ files: ['a/b.ts'], directories: ['a'] });
  });

  it('ignores a hostile or damaged manifest entirely, with the reason', () => {
    const cases: Array<[string, string]> = [
      [manifest(['old.ts', '../x']), 'files[1] "../x" is not a relative path inside the output folder'],
      [manifest(['/etc/passwd']), 'files[0] "/etc/passwd" is not a relative path'],
      [manifest(['a/../../etc/passwd']), 'files[0] "a/../../etc/passwd" is not a relative path'],
      [manifest(['..\\..\\x']), 'is not a relative path inside the output folder'],
      [manifest(['C:/x']), 'is not a relative path inside the output folder'],
      [manifest(['old.ts', 42]), 'files[1] is a number, not a path'],
      [manifest([null]), 'files[0] is null, not a path'],
      [manifest([['a']]), 'files[0] is an array, not a path'],
      [manifest('old.ts'), '"files" is "old.ts", not an array'],
      [
        JSON.stringify({ format: 'squall.export-manifest', version: 1 }),
        'its "files" is missing, not an array',
      ],
      [JSON.stringify({ format: 'other', version: 1, files: ['old.ts'] }), '"format" is "other"'],
      [
        JSON.stringify({ version: 1, files: ['old.ts'] }),
        'its "format" is missing, not "squall.export-manifest"',
      ],
      [
        JSON.stringify({ format: 'squall.export-manifest', version: 2, files: ['old.ts'] }),
        'version 2 is newer than this squall understands (1)',
      ],
      [
        JSON.stringify({ format: 'squall.export-manifest', version: '1', files: ['old.ts'] }),
        '"version" is "1", not 1',
      ],
      ['["old.ts"]', 'it is not a JSON object'],
      ['null', 'it is not a JSON object'],
      ['{"format": "squall.export-manifest", "version": 1, "files": ["old.ts"', 'it is not valid JSON'],
      ['', 'it is not valid JSON'],
    ];
    for (const [text, problem] of cases) {
      const stale = staleExportFiles(text, ['README.md']);
      expect(stale.files, text).toEqual([]);
      expect(stale.directories, text).toEqual([]);
      expect(stale.problem, text).toContain(problem);
    }
  });

  it('does not mistake an inherited property for a field', () => {
    const stale = staleExportFiles(
      '{"__proto__": {"format": "squall.export-manifest", "version": 1, "files": ["x"]}}',
      [],
    );
    expect(stale.files).toEqual([]);
    expect(stale.problem).toContain('"format"');
  });
});
