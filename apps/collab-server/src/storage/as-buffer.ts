/** A Buffer over the same bytes, without copying: both database drivers bind Buffers, Yjs hands out Uint8Arrays. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
