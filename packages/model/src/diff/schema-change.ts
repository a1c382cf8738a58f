/**
 * What `squall diff` reports: the changes between two boards' event contracts, each with the
 * directions it breaks in. Compatibility follows the schema registries' modes: BACKWARD means
 * consumers on the new schema can read events written with the old one, FORWARD means consumers
 * still on the old schema can read events written with the new one, FULL means both.
 */
export const COMPATIBILITY_MODES = ['backward', 'forward', 'full'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value);
}

export const SCHEMA_CHANGE_KINDS = [
  'context-added',
  'context-removed',
  'context-renamed',
  'event-added',
  'event-removed',
  'event-renamed',
  'event-moved',
  'event-text-changed',
  'field-added',
  'field-removed',
  'field-renamed',
  'field-retyped',
  'field-made-required',
  'field-made-optional',
  'enum-values-added',
  'enum-values-removed',
  'topic-added',
  'topic-removed',
  'topic-renamed',
  'partitions-decreased',
  'partitions-increased',
  'cleanup-policy-changed',
  'key-changed',
  'topic-config-changed',
] as const;
export type SchemaChangeKind = (typeof SCHEMA_CHANGE_KINDS)[number];

/** Why a change breaks one direction, in words; absent when that direction is compatible. */
export interface ChangeBreaks {
  /** Consumers reading with the new schema, events written with the old one (history, replays). */
  readonly backward?: string;
  /** Consumers still on the old schema, events written with the new one. */
  readonly forward?: string;
}

/** One change, before a mode is chosen. */
export interface SchemaChangeFact {
  readonly kind: SchemaChangeKind;
  /** The bounded context's name (the new board's, or the old one's when it is gone). */
  readonly context: string;
  /** The event's type name, when the change is about an event. */
  readonly event?: string;
  /** The topic's name, when the change is about a topic. */
  readonly topic?: string;
  /** Dotted path of the field inside the payload (`customer.address.city`, `items[]`). */
  readonly field?: string;
  /** The board element the change is about (event, aggregate or context). */
  readonly elementId: string;
  /** What changed, in words: `field amount removed (it was required)`. */
  readonly summary: string;
  readonly breaks: ChangeBreaks;
}

/** A change judged under one mode. */
export interface SchemaChange extends SchemaChangeFact {
  readonly breaking: boolean;
  /** Why it is breaking or compatible under the mode, in words. */
  readonly reason: string;
}

/** The whole comparison of two boards under one mode. */
export interface BoardDiff {
  readonly mode: CompatibilityMode;
  /** True when no change breaks under the mode. */
  readonly compatible: boolean;
  readonly breakingCount: number;
  /** Grouped by context, then event or topic, in a stable order. */
  readonly changes: readonly SchemaChange[];
}

/** The directions a mode checks. */
function checked(mode: CompatibilityMode): ReadonlyArray<keyof ChangeBreaks> {
  return mode === 'full' ? ['backward', 'forward'] : [mode];
}

const DIRECTION_WORDS: Record<keyof ChangeBreaks, string> = {
  backward: 'consumers reading with the new schema',
  forward: 'consumers still reading with the old schema',
};

/** Judges one change under a mode and explains the verdict. */
export function judgeChange(fact: SchemaChangeFact, mode: CompatibilityMode): SchemaChange {
  const broken = checked(mode).filter((direction) => fact.breaks[direction] !== undefined);
  const subject = capitalise(fact.summary);
  if (broken.length > 0) {
    const why = broken.map((direction) => `${DIRECTION_WORDS[direction]} (${fact.breaks[direction]})`);
    return { ...fact, breaking: true, reason: `${subject} breaks ${why.join(' and ')}.` };
  }
  const other = (['backward', 'forward'] as const).find((direction) => fact.breaks[direction]);
  const reason = other
    ? `${subject} is compatible in ${mode} mode; it would break ${DIRECTION_WORDS[other]} (${fact.breaks[other]}).`
    : `${subject} is compatible in every mode.`;
  return { ...fact, breaking: false, reason };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
