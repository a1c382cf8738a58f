import { isParticipantSecret, participantIdOf, toBase64Url } from '@squall/model';

/**
 * This browser's participant secret (localStorage `squall:participant`), made on first use. It proves to
 * the server who asks for a workshop action; it is never shared with other participants (they see only
 * the id derived from it).
 */
const KEY = 'squall:participant';

let cached: { secret: string; id: string } | undefined;

function load(): { secret: string; id: string } {
  if (cached) return cached;
  let secret = window.localStorage.getItem(KEY);
  if (!isParticipantSecret(secret)) {
    secret = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
    window.localStorage.setItem(KEY, secret);
  }
  cached = { secret, id: participantIdOf(secret) };
  return cached;
}

/** The secret, for the `X-Squall-Participant` header of workshop requests only. */
export function participantSecret(): string {
  return load().secret;
}

/** This browser's public participant id (shared in presence). */
export function myParticipantId(): string {
  return load().id;
}
