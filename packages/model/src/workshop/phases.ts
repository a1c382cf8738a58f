import type { WorkshopLevel } from '../elements.ts';
import type { ElementKind } from '../kinds.ts';
import { ELEMENT_KINDS } from '../kinds.ts';

/** The steps of a workshop: the Big Picture steps, then process modelling and software design. */
export const WORKSHOP_PHASES = [
  'chaoticExploration',
  'enforceTimeline',
  'peopleAndSystems',
  'problemsAndOpportunities',
  'pickYourProblem',
  'processModelling',
  'softwareDesign',
] as const;

export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];

export interface PhaseInfo {
  /** The name the phase select and the status show. */
  readonly label: string;
  /** One line: what to do now. */
  readonly hint: string;
  /** The kinds the palette puts first in this phase (the rest stay one click away). */
  readonly paletteFirst: readonly ElementKind[];
  /** How strict the lint is in this phase. */
  readonly lintLevel: WorkshopLevel;
}

export const PHASE_INFO: Readonly<Record<WorkshopPhase, PhaseInfo>> = {
  chaoticExploration: {
    label: 'Chaotic exploration',
    hint: 'Everyone writes the domain events they know, in past tense, in parallel. No discussion yet.',
    paletteFirst: ['domainEvent', 'hotspot'],
    lintLevel: 'bigPicture',
  },
  enforceTimeline: {
    label: 'Enforce the timeline',
    hint: 'Put the events in order from left to right; remove duplicates and mark pivotal events.',
    paletteFirst: ['domainEvent', 'hotspot'],
    lintLevel: 'bigPicture',
  },
  peopleAndSystems: {
    label: 'People and systems',
    hint: 'Add the actors who make things happen and the external systems involved.',
    paletteFirst: ['actor', 'externalSystem', 'domainEvent', 'hotspot'],
    lintLevel: 'bigPicture',
  },
  problemsAndOpportunities: {
    label: 'Problems and opportunities',
    hint: 'Mark every question, risk or conflict as a hotspot, and every improvement idea as an opportunity.',
    paletteFirst: ['hotspot', 'opportunity'],
    lintLevel: 'bigPicture',
  },
  pickYourProblem: {
    label: 'Pick your problem',
    hint: 'Vote on the hotspots and opportunities the group should tackle first.',
    paletteFirst: ['hotspot', 'opportunity'],
    lintLevel: 'bigPicture',
  },
  processModelling: {
    label: 'Process modelling',
    hint: 'Walk each flow: who issues which command, which policy reacts, what people read to decide.',
    paletteFirst: ['command', 'policy', 'readModel', 'actor', 'externalSystem', 'domainEvent', 'swimlane'],
    lintLevel: 'process',
  },
  softwareDesign: {
    label: 'Software design',
    hint: 'Find the aggregates that accept the commands and draw the bounded contexts around them.',
    paletteFirst: ['aggregate', 'boundedContext', 'command', 'domainEvent'],
    lintLevel: 'design',
  },
};

export function isWorkshopPhase(value: unknown): value is WorkshopPhase {
  return typeof value === 'string' && (WORKSHOP_PHASES as readonly string[]).includes(value);
}

/**
 * The palette in a phase: the phase's kinds first (in its order), then every other kind in the usual
 * order. Nothing is ever left out: `first` is what the palette shows up front, `more` is one click away.
 * Without a phase, everything is up front in the usual order.
 */
export function paletteForPhase(phase: WorkshopPhase | undefined): {
  readonly first: readonly ElementKind[];
  readonly more: readonly ElementKind[];
} {
  if (!phase) return { first: ELEMENT_KINDS, more: [] };
  const first = PHASE_INFO[phase].paletteFirst;
  return { first, more: ELEMENT_KINDS.filter((kind) => !first.includes(kind)) };
}

/** The lint level for a phase; without a phase, the board's own level. */
export function lintLevelForPhase(
  phase: WorkshopPhase | undefined,
  boardLevel: WorkshopLevel,
): WorkshopLevel {
  return phase ? PHASE_INFO[phase].lintLevel : boardLevel;
}
