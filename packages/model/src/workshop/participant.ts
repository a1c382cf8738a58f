import { digest } from 'lib0/hash/sha256';

/**
 * Who a participant is, without accounts: each browser keeps a random secret, and its public id is a hash
 * of it. The id is shown to everyone (presence, facilitator list); only the secret's holder can act as it,
 * because the server derives the id from the secret itself.
 */
export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** Whether a string can be a participant secret (16+ random bytes, base64url). */
export function isParticipantSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

export function isParticipantId(value: unknown): value is string {
  return typeof value === 'string' && PARTICIPANT_ID_PATTERN.test(value);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding (the same in a browser and in Node, no `btoa`/`Buffer`). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(chunk >> (18 - c * 6)) & 63];
  }
  return out;
}

/** The public id of the participant holding `secret`: the first 22 characters of its salted SHA-256. */
export function participantIdOf(secret: string): string {
  return toBase64Url(digest(new TextEncoder().encode(`squall-participant:${secret}`))).slice(0, 22);
}
