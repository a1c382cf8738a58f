import { createHash, randomBytes } from 'node:crypto';

/** What a capability lets its holder do with one board. */
export type BoardRole = 'owner' | 'edit' | 'view';

/** The two shareable links of a board (the owner key is never a link). */
export type BoardLink = 'edit' | 'view';

/** A fresh capability: `bytes` random bytes as base64url (16 → 22 characters, 128 bits). */
export function newCapability(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What the database keeps of a capability. The tokens are random and long, so a plain SHA-256 is
 * enough to make a stolen database useless for opening boards (no salt or slow hash needed).
 */
export function hashCapability(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const CAPABILITY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Whether a string can be a capability at all (cheap check before hashing and looking it up). */
export function isCapabilityShaped(value: string): boolean {
  return CAPABILITY_PATTERN.test(value);
}
