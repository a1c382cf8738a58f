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

/** What most file systems allow for a file name, in UTF-8 bytes (board names may have 200 characters). */
const MAX_FILE_NAME_BYTES = 255;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** A file name from a board name: readable, no path characters, not too long for a file system. */
export function fileNameFor(boardName: string, extension: string): string {
  const cleaned = boardName
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // Whole code points only, so a character outside the BMP is never cut in half.
  let room = MAX_FILE_NAME_BYTES - utf8Bytes(extension);
  let base = '';
  for (const character of cleaned) {
    room -= utf8Bytes(character);
    if (room < 0) break;
    base += character;
  }
  return `${base.trim() || 'board'}${extension}`;
}
