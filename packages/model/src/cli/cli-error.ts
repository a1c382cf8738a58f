/** Exit codes of the `squall` CLI. */
export const EXIT_OK = 0;
/** Lint errors, or an export that could not be written. */
export const EXIT_FAILED = 1;
/** Bad arguments, or a board that cannot be read. */
export const EXIT_USAGE = 2;

/** An error the CLI reports as it is (no stack), with the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
