import { type ElementKind, KIND_INFO } from '../kinds.ts';

/**
 * The legal arrows of Event Storming ("the picture that explains almost everything"):
 * actor → command | read model, command → aggregate | external system,
 * aggregate | external system → domain event, domain event → policy | read model, policy → command.
 */
export const LEGAL_TARGETS: Readonly<Record<ElementKind, readonly ElementKind[]>> = {
  actor: ['command', 'readModel'],
  command: ['aggregate', 'externalSystem'],
  aggregate: ['domainEvent'],
  externalSystem: ['domainEvent'],
  domainEvent: ['policy', 'readModel'],
  policy: ['command'],
  readModel: [],
  hotspot: [],
  opportunity: [],
  boundedContext: [],
  swimlane: [],
};

export type ConnectionCheck = { readonly legal: true } | { readonly legal: false; readonly reason: string };

const LEGAL: ConnectionCheck = { legal: true };

/** Hints for the mistakes people make most, phrased as what Event Storming expects instead. */
const HINTS: Partial<Record<`${ElementKind}>${ElementKind}`, string>> = {
  'command>domainEvent':
    'A command does not produce an event by itself: connect it to the aggregate or external system that handles it, and let that produce the event.',
  'domainEvent>command':
    'An event does not issue commands: put a policy in between (event → policy → command).',
  'actor>aggregate':
    'An actor acts through commands: connect the actor to a command, and the command to the aggregate.',
  'actor>domainEvent':
    'An actor does not cause events directly: connect the actor to a command that leads to the event.',
  'policy>aggregate':
    'A policy issues a command: connect the policy to a command, and the command to the aggregate.',
  'policy>domainEvent': 'A policy issues a command, not an event: connect the policy to a command.',
  'aggregate>aggregate':
    'Aggregates talk through events and policies: aggregate → event → policy → command → aggregate.',
  'aggregate>policy':
    'An aggregate produces events; a policy reacts to an event: connect aggregate → event → policy.',
  'readModel>command':
    'A read model informs an actor, who decides: connect actor → read model and actor → command.',
};

function list(kinds: readonly ElementKind[]): string {
  const labels = kinds.map((kind) => KIND_INFO[kind].label.toLowerCase());
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** Whether an arrow from a `source` kind to a `target` kind is legal, and if not, why and what instead. */
export function checkConnection(source: ElementKind, target: ElementKind): ConnectionCheck {
  if (LEGAL_TARGETS[source].includes(target)) return LEGAL;
  const from = KIND_INFO[source].label;
  const to = KIND_INFO[target].label.toLowerCase();
  if (source === 'hotspot' || target === 'hotspot') {
    return {
      legal: false,
      reason: 'Hotspots stand alone: they mark a question or risk and have no connections.',
    };
  }
  if (source === 'opportunity' || target === 'opportunity') {
    return {
      legal: false,
      reason: 'Opportunities stand alone: they mark an improvement idea and have no connections.',
    };
  }
  if (source === 'boundedContext' || target === 'boundedContext') {
    return {
      legal: false,
      reason: 'A bounded context is a frame, not a step: place notes inside it instead of connecting to it.',
    };
  }
  if (source === 'swimlane' || target === 'swimlane') {
    return {
      legal: false,
      reason: 'A swimlane is a band, not a step: place notes inside it instead of connecting to it.',
    };
  }
  const hint = HINTS[`${source}>${target}`];
  if (hint) return { legal: false, reason: hint };
  if (LEGAL_TARGETS[target].includes(source)) {
    return {
      legal: false,
      reason: `Arrows go the other way: ${KIND_INFO[target].label} → ${KIND_INFO[source].label.toLowerCase()}.`,
    };
  }
  const targets = LEGAL_TARGETS[source];
  if (targets.length === 0) {
    return { legal: false, reason: `A ${from.toLowerCase()} is an end point: nothing leads out of it.` };
  }
  return { legal: false, reason: `A ${from.toLowerCase()} leads to a ${list(targets)}, not to a ${to}.` };
}
