/** One generated file: a path relative to the output folder (always `/`-separated) and its text. */
export interface ExportFile {
  readonly path: string;
  readonly contents: string;
}

export function sortFiles(files: readonly ExportFile[]): ExportFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
