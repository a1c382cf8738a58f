import { randomBytes } from 'node:crypto';

/** 16 random bytes as base64url: 22 URL-safe characters, 128 bits, unguessable. */
export function newBoardId(): string {
  return randomBytes(16).toString('base64url');
}

const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isBoardId(value: string): boolean {
  return BOARD_ID_PATTERN.test(value);
}
