/** Saves a blob as a file through a temporary link: works in every browser without a dependency. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click was handled; the download already holds the data.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a board name: readable, no path characters. */
export function fileNameFor(boardName: string, extension: string): string {
  const base =
    boardName
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim() || 'board';
  return `${base}${extension}`;
}
