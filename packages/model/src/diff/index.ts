export type { DiffOptions } from './board-diff.ts';
export { diffBoards, diffFacts, judgeDiff } from './board-diff.ts';
export { FIRST_CONTRACT_VERSION, isContractVersion, nextContractVersion } from './contract-version.ts';
export { formatBoardDiff } from './format-diff.ts';
export type {
  BoardDiff,
  ChangeBreaks,
  CompatibilityMode,
  SchemaChange,
  SchemaChangeFact,
  SchemaChangeKind,
} from './schema-change.ts';
export {
  COMPATIBILITY_MODES,
  isCompatibilityMode,
  judgeChange,
  SCHEMA_CHANGE_KINDS,
} from './schema-change.ts';
