import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from './close-codes.ts';

/**
 * The y-websocket wire format, both directions. Every incoming message is decoded completely and
 * checked here before anything touches a document: the stock server applies whatever arrives and
 * can be crashed or hung by a crafted frame.
 *
 *   message   = varUint type, payload
 *   type 0    = sync:      varUint step (0 state vector | 1 step-2 update | 2 update), varUint8Array
 *   type 1    = awareness: varUint8Array (count, then per client: id, clock, JSON state)
 *   type 3    = query awareness (no payload)
 */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly entries: readonly AwarenessEntry[] }
  | { readonly kind: 'queryAwareness' };

/** One client's presence in an awareness message; `state` is its JSON, still encoded. */
export interface AwarenessEntry {
  readonly client: number;
  readonly clock: number;
  readonly state: Uint8Array;
}

/** Why a message was refused: a close code, a reason for the client and a label for metrics. */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface MessageLimits {
  /**
   * Most clients one awareness message may describe. y-websocket clients echo every awareness change
   * they receive, so one message legitimately carries a whole board's presence.
   */
  readonly maxAwarenessClients: number;
  /** Largest JSON state of one awareness entry. */
  readonly maxAwarenessStateBytes: number;
}

export const DEFAULT_MESSAGE_LIMITS: MessageLimits = {
  maxAwarenessClients: 10_000,
  maxAwarenessStateBytes: 64 * 1024,
};

const remaining = (decoder: decoding.Decoder) => decoder.arr.length - decoder.pos;

const malformed = (what: string) =>
  new ProtocolError(CloseCode.malformedMessage, `malformed message: ${what}`);

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > remaining(decoder)) throw malformed(`${what} claims ${length} bytes, has fewer`);
  return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw malformed(`${remaining(decoder)} trailing bytes`);
}

/**
 * Checks that an update is a complete, well-formed Yjs v1 update before it is applied: its claimed
 * counts fit in its bytes and every struct and delete range decodes.
 */
export function checkUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  // Each client section needs at least 3 bytes (struct count, client id, clock).
  if (clients * 3 > remaining(decoder)) {
    throw new ProtocolError(
      CloseCode.updateRejected,
      `update rejected: claims ${clients} clients in ${update.length} bytes`,
    );
  }
  if (clients > 0) {
    const structs = decoding.readVarUint(decoder);
    if (structs > remaining(decoder)) {
      throw new ProtocolError(
        CloseCode.updateRejected,
        `update rejected: claims ${structs} structs in ${update.length} bytes`,
      );
    }
  }
  try {
    Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(
      CloseCode.updateRejected,
      `update rejected: does not decode (${describe(error)})`,
    );
  }
}

function checkStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw malformed(`state vector does not decode (${describe(error)})`);
  }
}

/**
 * Splits an awareness update into its entries, checking the framing and sizes. The JSON is parsed only
 * when an entry is applied: most entries are echoes of states the server already has (y-websocket
 * clients send back every change they receive) and are dropped unparsed.
 */
function readAwarenessEntries(update: Uint8Array, limits: MessageLimits): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > limits.maxAwarenessClients) {
    throw new ProtocolError(
      CloseCode.updateRejected,
      `awareness rejected: ${count} clients in one message (at most ${limits.maxAwarenessClients})`,
    );
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = readPayload(decoder, 'awareness state');
    if (state.length > limits.maxAwarenessStateBytes) {
      throw new ProtocolError(CloseCode.updateRejected, `awareness rejected: state of ${state.length} bytes`);
    }
    entries.push({ client, clock, state });
  }
  expectEnd(decoder);
  return entries;
}

/** An awareness update (the y-protocols encoding) made of the given entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const { client, clock, state } of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint8Array(encoder, state);
    }
  });
}

const NULL_STATE = new TextEncoder().encode('null');

/** Whether an entry's state is JSON `null` (the client left). */
export function isNullState(state: Uint8Array): boolean {
  return state.length === NULL_STATE.length && state.every((byte, i) => byte === NULL_STATE[i]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Decodes and validates one binary frame from a client. Throws `ProtocolError` for anything else. */
export function decodeClientMessage(
  data: Uint8Array,
  limits: MessageLimits = DEFAULT_MESSAGE_LIMITS,
): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        if (step === SyncStep.step1) {
          const stateVector = readPayload(decoder, 'state vector');
          expectEnd(decoder);
          checkStateVector(stateVector);
          return { kind: 'syncStep1', stateVector };
        }
        if (step === SyncStep.step2 || step === SyncStep.update) {
          const update = readPayload(decoder, 'update');
          expectEnd(decoder);
          checkUpdate(update);
          return { kind: 'update', update };
        }
        throw new ProtocolError(CloseCode.unsupportedMessage, `unsupported message: sync step ${step}`);
      }
      case MessageType.awareness: {
        const update = readPayload(decoder, 'awareness update');
        expectEnd(decoder);
        return { kind: 'awareness', entries: readAwarenessEntries(update, limits) };
      }
      case MessageType.queryAwareness:
        expectEnd(decoder);
        return { kind: 'queryAwareness' };
      default:
        throw new ProtocolError(CloseCode.unsupportedMessage, `unsupported message: type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // lib0 throws on truncated input and on varints beyond 2^53.
    throw malformed(describe(error));
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncStep.step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  });
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncStep.step2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  });
}

/** Sync step 2 carrying `update` as it is (e.g. a stored snapshot: the whole board for an empty client). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncStep.step2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncStep.update);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
  });
}
