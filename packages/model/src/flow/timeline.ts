import type { BoardElement, DomainEventElement, Point } from '../elements.ts';
import { swimlaneMembership } from './swimlanes.ts';

/** Space between neighbouring events on one row, and on each side of a pivotal event. */
export const TIMELINE_GAP = 20;
export const PHASE_GAP = 60;

export interface TimelineMove {
  readonly id: string;
  readonly from: Point;
  readonly to: Point;
}

function byTime(a: DomainEventElement, b: DomainEventElement): number {
  return (
    a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * "Enforce the timeline": the domain events (all of them, or those in `scope`) in the order of their
 * current x, placed so that
 *
 * - time reads left to right: an event never starts left of one that came before it;
 * - nothing overlaps on a row: each event starts at least `TIMELINE_GAP` after the previous one on its row;
 * - each swimlane's events sit on the lane's row (vertically centred in it); events outside any lane
 *   share one row at their median height;
 * - pivotal events are phase borders: a pivotal event starts `PHASE_GAP` after everything before it
 *   on every row, and everything after it starts `PHASE_GAP` after it, on every row.
 *
 * Events only ever move right (or stay), so a timeline that is already in order is left as it is.
 * Returns the events that move, with where from and where to; other elements never move.
 */
export function enforceTimeline(
  elements: readonly BoardElement[],
  scope?: ReadonlySet<string>,
): TimelineMove[] {
  const events = elements
    .filter((element): element is DomainEventElement => element.kind === 'domainEvent')
    .filter((event) => !scope || scope.has(event.id))
    .sort(byTime);
  if (events.length === 0) return [];
  const lanes = swimlaneMembership(elements);
  const unlaned = events.filter((event) => !lanes.has(event.id));
  const freeRowCentre = unlaned.length
    ? median(unlaned.map((event) => event.position.y + event.size.height / 2))
    : 0;

  /** Right edge of the last event placed on each row (a lane id, or '' for events outside lanes). */
  const rowEnd = new Map<string, number>();
  /** Right edge of everything placed so far, on every row. */
  let allEnd = Number.NEGATIVE_INFINITY;
  /** Where the latest event started: a later one never starts left of it. */
  let lastStart = Number.NEGATIVE_INFINITY;
  /** The start nothing after the last pivotal event may be left of. */
  let phaseStart = Number.NEGATIVE_INFINITY;
  const moves: TimelineMove[] = [];
  for (const event of events) {
    const lane = lanes.get(event.id);
    const row = lane?.id ?? '';
    let x = Math.max(event.position.x, lastStart, phaseStart, (rowEnd.get(row) ?? -Infinity) + TIMELINE_GAP);
    if (event.pivotal) x = Math.max(x, allEnd + PHASE_GAP);
    x = Math.round(x);
    const centre = lane ? lane.position.y + lane.size.height / 2 : freeRowCentre;
    const y = Math.round(centre - event.size.height / 2);
    const right = x + event.size.width;
    rowEnd.set(row, right);
    allEnd = Math.max(allEnd, right);
    lastStart = x;
    if (event.pivotal) phaseStart = right + PHASE_GAP;
    if (x !== event.position.x || y !== event.position.y) {
      moves.push({ id: event.id, from: event.position, to: { x, y } });
    }
  }
  return moves;
}
