import * as encoding from 'lib0/encoding';

/** One y-websocket sync "update" message around raw update bytes. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A well-formed Yjs update (it decodes) that fails to apply: a 3-character insert by `client` whose left
 * origin points inside the insert itself, next to an existing character of `existing`.
 */
export function selfReferencingInsert(
  client: number,
  existing: { client: number; clock: number },
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client section
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 0x80 | 0x40 | 4); // item with origin and right origin, string content
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 2); // origin: its own last character
  encoding.writeVarUint(encoder, existing.client);
  encoding.writeVarUint(encoder, existing.clock);
  encoding.writeVarString(encoder, 'XYZ');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

/** An update whose header claims `structs` structs but carries only a few bytes. */
export function hugeStructClaim(structs: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, 12345);
  encoding.writeVarUint(encoder, 0);
  encoding.writeUint8(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  return encoding.toUint8Array(encoder);
}
