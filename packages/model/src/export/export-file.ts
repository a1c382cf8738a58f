/** One generated file: a path relative to the output folder (always `/`-separated) and its text. */
export interface ExportFile {
  readonly path: string;
  readonly contents: string;
  /**
   * Set on a file the developer owns once it exists (a service's decide, evolve, policies, projections):
   * `squall export` writes it only when it is missing, and reports what the board changed in it.
   */
  readonly developerOwned?: DeveloperOwned;
}

export interface DeveloperOwned {
  /** What the scaffold handles (`event PaymentRequested`), compared with the previous export's list. */
  readonly covers: readonly string[];
  /** The scaffold's code for some of them (a `case` of a switch), for the report to show. */
  readonly stubs?: Readonly<Record<string, string>>;
}

export function sortFiles(files: readonly ExportFile[]): ExportFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
