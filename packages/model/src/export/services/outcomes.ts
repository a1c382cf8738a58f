import { nameWords } from '../names.ts';
import type { PlanCommand, PlanEvent, PlanOwner } from '../plan.ts';

/** `Block Payment` → `Payment Blocked`: the event's words contain the command's verb, inflected. */
function sharesVerb(command: PlanCommand, event: PlanEvent): boolean {
  const verb = nameWords(command.element.text).words[0];
  if (!verb || verb.length < 3) return false;
  return nameWords(event.element.text).words.some(
    (word) => word.startsWith(verb) || (verb.endsWith('e') && word.startsWith(verb.slice(0, -1))),
  );
}

/**
 * The events a command most likely results in, best guess first: the board links a command to its
 * aggregate and the aggregate to its events, not the command to its events. Guesses in order: an event
 * that carries the command's verb (`Block Payment` → `Payment Blocked`), then the first event on the
 * timeline at or after the command, then the aggregate's other events.
 */
export function outcomesOf(command: PlanCommand): PlanEvent[] {
  const events = command.owner.events;
  const x = command.element.position.x;
  const rank = (event: PlanEvent) => (sharesVerb(command, event) ? 0 : event.element.position.x >= x ? 1 : 2);
  // Owner events are in timeline order already; a stable sort keeps it within each rank.
  return [...events].sort((a, b) => rank(a) - rank(b));
}

const FAILURE_WORDS = [
  'failed',
  'failure',
  'rejected',
  'declined',
  'denied',
  'refused',
  'cancelled',
  'canceled',
  'aborted',
  'expired',
  'timeout',
  'blocked',
  'abgelehnt',
  'fehlgeschlagen',
  'storniert',
];
/** Korean and Japanese stickies: failure, rejection, cancellation. */
const FAILURE_TEXT = /실패|거절|거부|취소|失敗|拒否|取消|キャンセル/;

/** Whether an event reads as something going wrong (`Payment Declined`, `결제 실패`). */
export function isFailureEvent(event: PlanEvent): boolean {
  return (
    FAILURE_TEXT.test(event.element.text) ||
    nameWords(event.element.text).words.some((word) => FAILURE_WORDS.includes(word))
  );
}

/** An owner's failure events, other than the command's own expected outcome. */
export function failureEvents(owner: PlanOwner, expected: PlanEvent | undefined): PlanEvent[] {
  return owner.events.filter((event) => event !== expected && isFailureEvent(event));
}
