import { parseArgs } from 'node:util';
import { diffBoards } from '../diff/board-diff.ts';
import { formatBoardDiff } from '../diff/format-diff.ts';
import { COMPATIBILITY_MODES, isCompatibilityMode } from '../diff/schema-change.ts';
import { CliError, EXIT_FAILED, EXIT_OK } from './cli-error.ts';
import { DIFF_HELP } from './help.ts';
import { loadBoard } from './load-board.ts';
import type { Output } from './output.ts';

/** An argument as the report shows it: a share link's token stays out of CI logs. */
function shown(source: string): string {
  return source.replace(/([?&]token=)[^&@#]*/, '$1…');
}

/** `squall diff <old> <new>`: exits 1 when a change breaks the mode, so CI can stop on it. */
export async function diffCommand(args: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      mode: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.stdout(DIFF_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 2) {
    throw new CliError(`diff needs two boards, the old one and the new one\n\n${DIFF_HELP}`);
  }
  const mode = values.mode ?? 'backward';
  if (!isCompatibilityMode(mode)) {
    throw new CliError(`--mode must be one of ${COMPATIBILITY_MODES.join(', ')}; got "${values.mode}"`);
  }
  const [beforeSource, afterSource] = positionals as [string, string];
  const [before, after] = await Promise.all([loadBoard(beforeSource), loadBoard(afterSource)]);
  const diff = diffBoards(before.board, after.board, { mode });
  if (values.json) {
    const report = {
      before: { source: shown(beforeSource), name: before.name },
      after: { source: shown(afterSource), name: after.name },
      ...diff,
    };
    out.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    out.stdout(formatBoardDiff(diff, { before: `"${before.name}"`, after: `"${after.name}"` }));
  }
  return diff.compatible ? EXIT_OK : EXIT_FAILED;
}
