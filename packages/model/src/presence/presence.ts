import { isRecord, readPoint } from '../doc/validate.ts';
import type { Point } from '../elements.ts';
import { isParticipantId } from '../workshop/participant.ts';

/**
 * What one participant shares through Yjs awareness (never the document): who they are, where their
 * cursor is, what they select, what they are dragging right now and their viewport (for "follow").
 * Awareness states come from other people's browsers, so `readPresence` validates every one.
 */
export interface PresenceUser {
  readonly name: string;
  readonly color: string;
}

export interface PresenceViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface PresenceState {
  readonly user: PresenceUser;
  /** Cursor in board (flow) coordinates; null when the pointer is off the canvas. */
  readonly cursor: Point | null;
  readonly selection: readonly string[];
  /** Positions of the elements being dragged, shared live and written to the document once on drop. */
  readonly drag: Readonly<Record<string, Point>>;
  readonly viewport: PresenceViewport | null;
  /** Milliseconds since the epoch of the last activity, for hiding idle cursors. */
  readonly lastActive: number;
  /**
   * The participant's public id (see `participantIdOf`), for the people list and the workshop. A display
   * hint only: permissions are checked by the server from the participant's secret, never from this.
   */
  readonly participant?: string;
}

export const MAX_USER_NAME_LENGTH = 40;
const MAX_SHARED_IDS = 500;

/** Distinct, readable cursor colours on a white canvas. */
export const PRESENCE_COLORS = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#9c36b5',
  '#e8590c',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#3b5bdb',
  '#a61e4d',
] as const;

/** A stable colour for a participant, from their awareness client id. */
export function colorForClient(clientId: number): string {
  return PRESENCE_COLORS[Math.abs(clientId) % PRESENCE_COLORS.length]!;
}

/** A display name as people may pick it: trimmed, single-line, bounded. Empty means "ask again". */
export function normaliseUserName(name: string): string {
  return name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_USER_NAME_LENGTH);
}

function readIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((id): id is string => typeof id === 'string' && id.length <= 64)
    .slice(0, MAX_SHARED_IDS);
}

/** A peer's awareness state, validated; undefined when it is not a Squall presence (or is hostile). */
export function readPresence(value: unknown): PresenceState | undefined {
  if (!isRecord(value) || !isRecord(value.user)) return undefined;
  const name = typeof value.user.name === 'string' ? normaliseUserName(value.user.name) : '';
  const color =
    typeof value.user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(value.user.color)
      ? value.user.color
      : '';
  if (!name || !color) return undefined;
  const drag: Record<string, Point> = {};
  if (isRecord(value.drag)) {
    for (const [id, point] of Object.entries(value.drag).slice(0, MAX_SHARED_IDS))
      drag[id] = readPoint(point);
  }
  const viewport = isRecord(value.viewport)
    ? {
        ...readPoint(value.viewport),
        zoom:
          typeof value.viewport.zoom === 'number' && value.viewport.zoom > 0 && value.viewport.zoom <= 10
            ? value.viewport.zoom
            : 1,
      }
    : null;
  return {
    user: { name, color },
    cursor: isRecord(value.cursor) ? readPoint(value.cursor) : null,
    selection: readIds(value.selection),
    drag,
    viewport,
    lastActive:
      typeof value.lastActive === 'number' && Number.isFinite(value.lastActive) ? value.lastActive : 0,
    ...(isParticipantId(value.participant) && { participant: value.participant }),
  };
}
