import { terminalText } from '../display-text.ts';

/** Where the CLI writes: the process streams in `squall`, anything in tests. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The process streams. Messages quote their input escaped already; escaping everything once more
 * here keeps a message that forgot (an error from the system quoting a path) from reaching the
 * terminal raw. Line breaks stay; `lint --json` stays valid JSON (controls only occur in its strings).
 */
export const processOutput: Output = {
  stdout: (text) => process.stdout.write(terminalText(text)),
  stderr: (text) => process.stderr.write(terminalText(text)),
};
