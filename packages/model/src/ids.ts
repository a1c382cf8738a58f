const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A random, URL-safe id: 16 base-62 characters (≈ 95 bits), plenty for elements within one board. */
export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 62 does not divide 256; the slight bias is irrelevant for element ids (not secrets).
  for (const byte of bytes) id += ALPHABET[byte % 62];
  return id;
}
