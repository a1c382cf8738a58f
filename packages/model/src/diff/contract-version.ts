import type { BoardDiff } from './schema-change.ts';

/** The version of a board's first export. */
export const FIRST_CONTRACT_VERSION = '1.0.0';

const SEMVER = /^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$/;

export function isContractVersion(value: unknown): value is string {
  return typeof value === 'string' && SEMVER.test(value);
}

/**
 * The contracts' version after `diff`, relative to the version they were last exported with: major on
 * a breaking change, minor on compatible changes only (a description that changed counts), unchanged
 * when the contracts did not change at all (stickies only moved).
 */
export function nextContractVersion(previous: string | undefined, diff: BoardDiff): string {
  if (previous === undefined) return FIRST_CONTRACT_VERSION;
  const match = SEMVER.exec(previous);
  if (!match) throw new RangeError(`"${previous}" is not a version (major.minor.patch)`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (!diff.compatible) return `${major + 1}.0.0`;
  if (diff.changes.length > 0) return `${major}.${minor + 1}.0`;
  return previous;
}
