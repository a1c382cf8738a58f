import { parseArgs } from 'node:util';
import { quoted } from '../display-text.ts';
import { WORKSHOP_LEVELS } from '../elements.ts';
import { lintBoard } from '../grammar/lint.ts';
import { CliError, EXIT_FAILED, EXIT_OK } from './cli-error.ts';
import { LINT_HELP } from './help.ts';
import { loadBoard } from './load-board.ts';
import type { Output } from './output.ts';

export async function lintCommand(args: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      level: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.stdout(LINT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliError(`lint needs exactly one board (a .squall.json file or a board URL)\n\n${LINT_HELP}`);
  }
  const level = values.level;
  if (level !== undefined && !(WORKSHOP_LEVELS as readonly string[]).includes(level)) {
    throw new CliError(`--level must be one of ${WORKSHOP_LEVELS.join(', ')}; got ${quoted(level)}`);
  }
  const { board, name } = await loadBoard(positionals[0]!);
  const issues = lintBoard(board, level ? { level: level as (typeof WORKSHOP_LEVELS)[number] } : {});
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  if (values.json) {
    out.stdout(`${JSON.stringify({ board: name, errors, issues }, null, 2)}\n`);
  } else {
    for (const issue of issues) {
      out.stdout(
        `${issue.severity.padEnd(7)} ${issue.code}: ${issue.message} [${issue.elementIds.join(', ')}]\n`,
      );
    }
    const count = (severity: string) => issues.filter((issue) => issue.severity === severity).length;
    out.stdout(`${quoted(name)}: ${errors} errors, ${count('warning')} warnings, ${count('info')} hints\n`);
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}
