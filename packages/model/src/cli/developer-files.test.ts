import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../export/export-file.ts';
import { planDeveloperFiles, readDeveloperEntries } from './developer-files.ts';
import { exportManifestText, readExportManifest } from './export-manifest.ts';

const generated: ExportFile = { path: 'services/a/src/service.ts', contents: 'g' };
const evolve: ExportFile = {
  path: 'services/a/src/evolve.ts',
  contents: 'e',
  developerOwned: {
    covers: ['event A', 'event C'],
    stubs: { 'event A': 'case A', 'event C': 'case C' },
  },
};

describe('planDeveloperFiles', () => {
  it('writes generated files always, developer files only when missing', () => {
    const missing = planDeveloperFiles([generated, evolve], {}, new Set());
    expect(missing.write).toEqual([generated, evolve]);
    expect(missing.kept).toEqual([]);
    const present = planDeveloperFiles([generated, evolve], {}, new Set([evolve.path]));
    expect(present.write).toEqual([generated]);
    // No entry in the previous manifest: nothing to compare with, so nothing to report.
    expect(present.kept).toEqual([{ path: evolve.path, added: [], removed: [], stubs: [] }]);
    expect(present.entries).toEqual({ [evolve.path]: ['event A', 'event C'] });
  });

  it('reports what the board added and removed since the last export, with the stubs of the added', () => {
    const plan = planDeveloperFiles(
      [evolve],
      { [evolve.path]: ['event A', 'event B'], 'services/a/src/gone.ts': ['event X'] },
      new Set([evolve.path]),
    );
    expect(plan.kept).toEqual([
      { path: evolve.path, added: ['event C'], removed: ['event B'], stubs: ['case C'] },
    ]);
    expect(plan.orphaned).toEqual(['services/a/src/gone.ts']);
    expect(plan.entries).toEqual({ [evolve.path]: ['event A', 'event C'] });
  });
});

describe('developer files in the manifest', () => {
  it('round-trip, and stay out of the files a later export may delete', () => {
    const text = exportManifestText([generated.path], { [evolve.path]: ['event A'] });
    expect(readDeveloperEntries(text)).toEqual({ [evolve.path]: ['event A'] });
    expect(readExportManifest(text)).toEqual({ ok: true, files: [generated.path] });
  });

  it('malformed entries count as none', () => {
    expect(readDeveloperEntries('{')).toEqual({});
    expect(readDeveloperEntries(undefined)).toEqual({});
    expect(readDeveloperEntries(JSON.stringify({ developerFiles: { a: [1], b: ['x'] } }))).toEqual({
      b: ['x'],
    });
    expect(readDeveloperEntries(JSON.stringify({ developerFiles: [] }))).toEqual({});
  });
});
