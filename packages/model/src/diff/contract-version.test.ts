import { describe, expect, it } from 'vitest';
import { nextContractVersion } from './contract-version.ts';
import type { BoardDiff, SchemaChange } from './schema-change.ts';

const change = (breaking: boolean) => ({ breaking }) as SchemaChange;
const diff = (...changes: SchemaChange[]): BoardDiff => ({
  mode: 'backward',
  compatible: changes.every((c) => !c.breaking),
  breakingCount: changes.filter((c) => c.breaking).length,
  changes,
});

describe('nextContractVersion', () => {
  it('starts at 1.0.0, bumps major on breaking, minor on compatible, keeps the version otherwise', () => {
    expect(nextContractVersion(undefined, diff(change(true)))).toBe('1.0.0');
    expect(nextContractVersion('1.4.2', diff(change(false), change(true)))).toBe('2.0.0');
    expect(nextContractVersion('1.4.2', diff(change(false)))).toBe('1.5.0');
    expect(nextContractVersion('1.4.2', diff())).toBe('1.4.2');
  });

  it('refuses what is not major.minor.patch', () => {
    for (const bad of ['1.0', 'v1.0.0', '01.0.0', '1.0.0-beta', '']) {
      expect(() => nextContractVersion(bad, diff())).toThrow(RangeError);
    }
  });
});
