/** `1234567` → `1,234,567`, the same in every locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MIB = 1024 * 1024;

/**
 * A size in bytes as people read it, in binary units named as such: `20 MiB (20,971,520 bytes)`,
 * `49.9 MiB (52,400,000 bytes)`; below 1 MiB just `1,000 bytes`. The exact byte count is always there,
 * so a file one byte over a limit does not read as the limit itself.
 */
export function formatByteSize(bytes: number): string {
  if (bytes < MIB) return `${grouped(bytes)} bytes`;
  const mib = bytes / MIB;
  const shown = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return `${shown} MiB (${grouped(bytes)} bytes)`;
}

/** The length of a text in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD), without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
