import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  hugeStructClaim,
  selfReferencingInsert,
  syncUpdateMessage,
} from '../../test/helpers/crafted-updates.ts';
import { CloseCode } from './close-codes.ts';
import {
  checkUpdate,
  decodeClientMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  isNullState,
  ProtocolError,
} from './protocol.ts';

function refusal(data: Uint8Array): { code: number; reason: string } {
  try {
    decodeClientMessage(data);
  } catch (error) {
    if (error instanceof ProtocolError) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error('message was accepted');
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('decodes sync step 1, updates and awareness from a real client', () => {
    expect(decodeClientMessage(encodeSyncStep1(doc))).toMatchObject({ kind: 'syncStep1' });
    const update = Y.encodeStateAsUpdate(doc);
    const decoded = decodeClientMessage(syncUpdateMessage(update));
    expect(decoded.kind).toBe('update');
    expect(decoded.kind === 'update' && [...decoded.update]).toEqual([...update]);
    const awareness = new Awareness(doc);
    awareness.setLocalState({ cursor: { x: 1, y: 2 } });
    const message = decodeClientMessage(encodeAwareness(encodeAwarenessUpdate(awareness, [doc.clientID])));
    expect(message).toMatchObject({ kind: 'awareness', entries: [{ client: doc.clientID, clock: 1 }] });
    awareness.destroy();
  });

  it('refuses an empty frame, an unknown message type and an unknown sync step', () => {
    expect(refusal(bytes()).code).toBe(CloseCode.malformedMessage);
    expect(refusal(bytes(7)).code).toBe(CloseCode.unsupportedMessage);
    expect(refusal(bytes(0, 9, 0)).code).toBe(CloseCode.unsupportedMessage);
  });

  it('refuses a truncated sync message', () => {
    const full = syncUpdateMessage(Y.encodeStateAsUpdate(doc));
    for (const length of [1, 2, 3, full.length - 1]) {
      expect(refusal(full.subarray(0, length)).code).toBe(CloseCode.malformedMessage);
    }
  });

  it('refuses trailing bytes after a message', () => {
    const full = encodeSyncStep1(doc);
    expect(refusal(new Uint8Array([...full, 0])).reason).toMatch(/trailing/);
  });

  it('refuses varints beyond 2^53', () => {
    expect(refusal(bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)).code).toBe(
      CloseCode.malformedMessage,
    );
  });

  it('refuses an update that claims millions of structs without decoding it', () => {
    const { code, reason } = refusal(syncUpdateMessage(hugeStructClaim(5_000_000)));
    expect(code).toBe(CloseCode.updateRejected);
    expect(reason).toMatch(/5000000 structs/);
  });

  it('refuses an update whose structs do not decode', () => {
    const update = Y.encodeStateAsUpdate(doc);
    const corrupt = update.slice(0, update.length - 3);
    expect(() => checkUpdate(corrupt)).toThrow(ProtocolError);
  });

  it('lets through a well-formed update that only fails when applied (the room catches that)', () => {
    expect(() => checkUpdate(selfReferencingInsert(99, { client: 1, clock: 3 }))).not.toThrow();
  });

  it('accepts awareness echoing a whole board and refuses absurd client counts and states', () => {
    const entries = (count: number, state = 'null') => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, count);
      for (let i = 0; i < count; i++) {
        encoding.writeVarUint(encoder, i);
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarString(encoder, state);
      }
      return encodeAwareness(encoding.toUint8Array(encoder));
    };
    expect(decodeClientMessage(entries(200))).toMatchObject({ kind: 'awareness' });
    expect(refusal(entries(20_000)).reason).toMatch(/20000 clients/);
    expect(refusal(entries(1, `"${'x'.repeat(70_000)}"`)).reason).toMatch(/state of 70002 bytes/);
  });

  it('round-trips awareness entries and recognises a removal', () => {
    const awareness = new Awareness(doc);
    awareness.setLocalState({ cursor: { x: 3, y: 4 } });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const message = decodeClientMessage(encodeAwareness(update));
    expect(message.kind === 'awareness' && [...encodeAwarenessEntries(message.entries)]).toEqual([...update]);
    expect(isNullState(new TextEncoder().encode('null'))).toBe(true);
    expect(isNullState(new TextEncoder().encode('nul!'))).toBe(false);
    awareness.destroy();
  });
});
