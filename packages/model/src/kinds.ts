/**
 * The Event Storming grammar's element kinds, with the facts every part of Squall shares about them:
 * the legend's name, the canonical sticky colour and the default size.
 */
export const ELEMENT_KINDS = [
  'domainEvent',
  'command',
  'actor',
  'aggregate',
  'policy',
  'readModel',
  'externalSystem',
  'hotspot',
  'opportunity',
  'boundedContext',
  'swimlane',
] as const;

export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Kinds that are bands or frames behind the notes rather than sticky notes. */
export type FrameKind = 'boundedContext' | 'swimlane';

/** Kinds that are sticky notes (everything but the bounded-context frame and the swimlane band). */
export type NoteKind = Exclude<ElementKind, FrameKind>;

export interface KindInfo {
  /** The name the legend, the palette and assistive technology use. */
  readonly label: string;
  /** Canonical sticky colour (fill). */
  readonly color: string;
  /** Text colour readable on `color`. */
  readonly textColor: string;
  readonly defaultSize: { readonly width: number; readonly height: number };
  /** Whether people resize it (aggregates and contexts grow to hold what they own). */
  readonly resizable: boolean;
  /** One line for the legend. */
  readonly meaning: string;
}

export const KIND_INFO: Readonly<Record<ElementKind, KindInfo>> = {
  domainEvent: {
    label: 'Domain event',
    color: '#ff9f43',
    textColor: '#1f1300',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'Something that happened, in past tense',
  },
  command: {
    label: 'Command',
    color: '#54a0ff',
    textColor: '#00132b',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'An intention or request to do something',
  },
  actor: {
    label: 'Actor',
    color: '#fff176',
    textColor: '#2b2600',
    defaultSize: { width: 90, height: 90 },
    resizable: false,
    meaning: 'A person or role who issues a command',
  },
  aggregate: {
    label: 'Aggregate',
    color: '#ffd43b',
    textColor: '#2b2200',
    defaultSize: { width: 200, height: 200 },
    resizable: true,
    meaning: 'The consistency boundary that accepts commands and emits events',
  },
  policy: {
    label: 'Policy',
    color: '#c39bf0',
    textColor: '#1c0833',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'A reaction: whenever an event, then a command',
  },
  readModel: {
    label: 'Read model',
    color: '#7bd389',
    textColor: '#002b0a',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'Information an actor looks at to decide',
  },
  externalSystem: {
    label: 'External system',
    color: '#f8a5c2',
    textColor: '#2b0014',
    defaultSize: { width: 260, height: 120 },
    resizable: false,
    meaning: 'A system outside our control',
  },
  hotspot: {
    label: 'Hotspot',
    color: '#e0218a',
    textColor: '#ffffff',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'A question, risk or conflict to resolve later',
  },
  opportunity: {
    label: 'Opportunity',
    color: '#3ccf91',
    textColor: '#002b17',
    defaultSize: { width: 140, height: 140 },
    resizable: false,
    meaning: 'An improvement idea (Big Picture)',
  },
  boundedContext: {
    label: 'Bounded context',
    color: '#eef2f7',
    textColor: '#1d2733',
    defaultSize: { width: 800, height: 500 },
    resizable: true,
    meaning: 'A part of the domain with its own model; becomes a service',
  },
  swimlane: {
    label: 'Swimlane',
    color: '#f4f1e8',
    textColor: '#3b3526',
    defaultSize: { width: 2400, height: 240 },
    resizable: true,
    meaning: 'A horizontal band for one actor or process; notes in it belong to it',
  },
};

export function isElementKind(value: unknown): value is ElementKind {
  return typeof value === 'string' && (ELEMENT_KINDS as readonly string[]).includes(value);
}

/** Frames and bands: drawn behind the notes, hold notes by geometry, never connected. */
export function isFrameKind(kind: ElementKind): kind is FrameKind {
  return kind === 'boundedContext' || kind === 'swimlane';
}

/** Kinds whose stickies carry a payload (fields). */
export function hasPayload(kind: ElementKind): kind is 'domainEvent' | 'command' {
  return kind === 'domainEvent' || kind === 'command';
}
