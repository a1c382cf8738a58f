import { quoted } from '../display-text.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.ts';
import { diffCommand } from './diff-command.ts';
import { exportCommand } from './export-command.ts';
import { MAIN_HELP } from './help.ts';
import { lintCommand } from './lint-command.ts';
import { type Output, processOutput } from './output.ts';

const COMMANDS: Record<string, (args: readonly string[], out: Output) => Promise<number>> = {
  export: exportCommand,
  lint: lintCommand,
  diff: diffCommand,
};

/** Runs `squall <command> …` and returns the exit code; errors become one clear message on stderr. */
export async function runCli(argv: readonly string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) return COMMANDS[topic](['--help'], out);
    out.stdout(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const run = COMMANDS[command];
  if (!run) {
    out.stderr(`squall: unknown command ${quoted(command)}\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, out);
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`squall ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(
        `squall ${command}: ${(error as Error).message}\nRun "squall ${command} --help" for the options.\n`,
      );
      return EXIT_USAGE;
    }
    throw error;
  }
}
