import type { BoardSnapshot } from '../elements.ts';
import { type ExportOptions, resolveExportOptions } from '../export/options.ts';
import { buildExportPlan, type ExportPlan, type PlanContext, type PlanEvent } from '../export/plan.ts';
import type { TopicDefinition } from '../export/topic-settings.ts';
import { diffPayload, type IdentifiedProperty } from './payload-diff.ts';
import {
  type BoardDiff,
  type CompatibilityMode,
  judgeChange,
  SCHEMA_CHANGE_KINDS,
  type SchemaChangeFact,
} from './schema-change.ts';

/**
 * Compares two boards' event contracts as the exporter would generate them (same names, topics and
 * payloads), so the diff is about what consumers see, not about stickies moving around.
 */

interface Side {
  readonly plan: ExportPlan;
  readonly events: ReadonlyMap<string, PlanEvent>;
  /** Topic name → the context that owns it. */
  readonly topicContext: ReadonlyMap<string, string>;
}

function side(board: BoardSnapshot, options: ExportOptions): Side {
  const plan = buildExportPlan(board, resolveExportOptions(options));
  const events = new Map<string, PlanEvent>();
  const topicContext = new Map<string, string>();
  for (const context of plan.contexts) {
    for (const owner of context.owners) {
      for (const event of owner.events) events.set(event.element.id, event);
      for (const topic of [owner.eventsTopic, owner.stateTopic]) {
        if (topic) topicContext.set(topic.name, context.name.pascal);
      }
    }
  }
  return { plan, events, topicContext };
}

/** An event's properties with the board field ids of its top-level fields (same order by construction). */
function identified(event: PlanEvent): IdentifiedProperty[] {
  return event.properties.map((property, index) => {
    const fieldId = event.element.fields[index]?.id;
    return fieldId === undefined ? property : { ...property, fieldId };
  });
}

function contextOf(event: PlanEvent): string {
  return event.owner.context.name.pascal;
}

function topicOf(event: PlanEvent): string | undefined {
  return event.owner.eventsTopic?.name;
}

/** Pairs items by a primary key (element id), then the leftovers by a wire key (type or topic name). */
function pair<T>(
  before: readonly T[],
  after: readonly T[],
  primary: (item: T) => string,
  secondary: (item: T) => string,
): { pairs: Array<[T, T]>; removed: T[]; added: T[] } {
  const byPrimary = new Map(after.map((item) => [primary(item), item]));
  const unmatched = new Set(after);
  const pairs: Array<[T, T]> = [];
  const left: T[] = [];
  for (const item of before) {
    const match = byPrimary.get(primary(item));
    if (match && unmatched.has(match)) {
      pairs.push([item, match]);
      unmatched.delete(match);
    } else left.push(item);
  }
  const removed: T[] = [];
  for (const item of left) {
    const match = [...unmatched].find((candidate) => secondary(candidate) === secondary(item));
    if (match) {
      pairs.push([item, match]);
      unmatched.delete(match);
    } else removed.push(item);
  }
  return { pairs, removed, added: after.filter((item) => unmatched.has(item)) };
}

function contextFacts(before: ExportPlan, after: ExportPlan): SchemaChangeFact[] {
  const frames = (plan: ExportPlan) => plan.contexts.filter((context) => context.element);
  const id = (context: PlanContext) => context.element?.id ?? '';
  const { pairs, removed, added } = pair(frames(before), frames(after), id, (c) => c.name.kebab);
  const facts: SchemaChangeFact[] = [];
  for (const context of added) {
    facts.push({
      kind: 'context-added',
      context: context.name.pascal,
      elementId: id(context),
      summary: `adding the bounded context ${context.name.pascal}`,
      breaks: {},
    });
  }
  for (const context of removed) {
    facts.push({
      kind: 'context-removed',
      context: context.name.pascal,
      elementId: id(context),
      summary: `removing the bounded context ${context.name.pascal} (its events and topics are listed on their own)`,
      breaks: {},
    });
  }
  for (const [old, next] of pairs) {
    if (old.name.pascal === next.name.pascal) continue;
    facts.push({
      kind: 'context-renamed',
      context: next.name.pascal,
      elementId: id(next),
      summary: `renaming the bounded context ${old.name.pascal} to ${next.name.pascal} (renamed types and topics are listed on their own)`,
      breaks: {},
    });
  }
  return facts;
}

/** An event that now travels on another topic, or under another CloudEvents type with the same name. */
function movedFact(old: PlanEvent, next: PlanEvent): Pick<SchemaChangeFact, 'kind' | 'summary' | 'breaks'> {
  const [oldTopic, newTopic] = [topicOf(old), topicOf(next)];
  const where = (topic: string | undefined, event: PlanEvent) =>
    topic ? `${topic} as ${event.cloudEventType}` : 'no topic (it has no producer)';
  // Without an old topic there was nobody to break; without a new one nobody reads the old events.
  const backward =
    oldTopic && newTopic
      ? `events written before are on ${where(oldTopic, old)}, where consumers of the new schema do not look`
      : undefined;
  const forward = oldTopic
    ? `new events go to ${where(newTopic, next)}, where consumers of the old schema do not look`
    : undefined;
  return {
    kind: 'event-moved',
    summary: `moving the event ${next.name.pascal} from ${where(oldTopic, old)} to ${where(newTopic, next)}`,
    breaks: { ...(backward ? { backward } : {}), ...(forward ? { forward } : {}) },
  };
}

function eventFacts(before: Side, after: Side): SchemaChangeFact[] {
  const { pairs, removed, added } = pair(
    [...before.events.values()],
    [...after.events.values()],
    (event) => event.element.id,
    (event) => event.cloudEventType,
  );
  const facts: SchemaChangeFact[] = [];
  for (const event of removed) {
    const topic = topicOf(event);
    const stays = topic !== undefined && after.topicContext.has(topic);
    facts.push({
      kind: 'event-removed',
      context: contextOf(event),
      event: event.name.pascal,
      ...(topic ? { topic } : {}),
      elementId: event.element.id,
      summary: `removing the event ${event.name.pascal}`,
      breaks: stays
        ? {
            backward: `the topic ${topic} still holds ${event.name.pascal} events written before, and its new schema has no such event`,
          }
        : {},
    });
  }
  for (const event of added) {
    const topic = topicOf(event);
    const existed = topic !== undefined && before.topicContext.has(topic);
    facts.push({
      kind: 'event-added',
      context: contextOf(event),
      event: event.name.pascal,
      ...(topic ? { topic } : {}),
      elementId: event.element.id,
      summary: `adding the event ${event.name.pascal}`,
      breaks: existed
        ? {
            forward: `${event.name.pascal} events now arrive on ${topic}, and the old schema of that topic does not know the type ${event.cloudEventType}`,
          }
        : {},
    });
  }
  for (const [old, next] of pairs) {
    const site = { context: contextOf(next), event: next.name.pascal, elementId: next.element.id };
    if (old.name.pascal !== next.name.pascal) {
      facts.push({
        ...site,
        kind: 'event-renamed',
        summary: `renaming the event ${old.name.pascal} to ${next.name.pascal}`,
        breaks: {
          backward: `events written before carry the CloudEvents type ${old.cloudEventType}, which the new schema does not know`,
          forward: `new events carry the CloudEvents type ${next.cloudEventType}, which the old schema does not know`,
        },
      });
    } else if (old.element.text.trim() !== next.element.text.trim()) {
      facts.push({
        ...site,
        kind: 'event-text-changed',
        summary: `changing the sticky's text from "${old.element.text.trim()}" to "${next.element.text.trim()}" (its code name keeps the type name ${next.name.pascal})`,
        breaks: {},
      });
    }
    const [oldTopic, newTopic] = [topicOf(old), topicOf(next)];
    if (
      oldTopic !== newTopic ||
      (old.name.pascal === next.name.pascal && old.cloudEventType !== next.cloudEventType)
    ) {
      facts.push({ ...site, ...(newTopic ? { topic: newTopic } : {}), ...movedFact(old, next) });
    }
    facts.push(...diffPayload(site, identified(old), identified(next)));
  }
  return facts;
}

const cleanupPolicy = (topic: TopicDefinition) => topic.config['cleanup.policy'] ?? 'delete';

function topicChange(old: TopicDefinition, next: TopicDefinition, context: string): SchemaChangeFact[] {
  const site = { context, topic: next.name, elementId: next.ownerElementId };
  const facts: SchemaChangeFact[] = [];
  if (old.name !== next.name) {
    facts.push({
      ...site,
      kind: 'topic-renamed',
      summary: `renaming the topic ${old.name} to ${next.name}`,
      breaks: {
        backward: `events written before stay on ${old.name}, which the new contracts no longer name`,
        forward: `consumers subscribed to ${old.name} receive no new events`,
      },
    });
  }
  if (next.partitions < old.partitions) {
    const why = `Kafka cannot decrease partitions (${old.partitions} → ${next.partitions}): the topic must be recreated, losing its events and the per-key order`;
    facts.push({
      ...site,
      kind: 'partitions-decreased',
      summary: `decreasing the partitions of ${next.name} from ${old.partitions} to ${next.partitions}`,
      breaks: { backward: why, forward: why },
    });
  }
  if (next.partitions > old.partitions) {
    facts.push({
      ...site,
      kind: 'partitions-increased',
      summary: `increasing the partitions of ${next.name} from ${old.partitions} to ${next.partitions} (keys re-hash: events of one ${next.keyField} written before and after the change may be read out of order)`,
      breaks: {},
    });
  }
  if (cleanupPolicy(old) !== cleanupPolicy(next)) {
    const why =
      cleanupPolicy(next) === 'compact'
        ? 'a compacted topic keeps only the latest event per key and rejects events without a key, so consumers replaying the stream lose history'
        : 'events are deleted after retention.ms instead of kept per key, so consumers rebuilding state from the topic lose keys';
    facts.push({
      ...site,
      kind: 'cleanup-policy-changed',
      summary: `changing the cleanup policy of ${next.name} from ${cleanupPolicy(old)} to ${cleanupPolicy(next)}`,
      breaks: { backward: why, forward: why },
    });
  }
  if (old.keyField !== next.keyField) {
    const why = `records were keyed by ${old.keyField} and now by ${next.keyField}: the same entity lands on other partitions, so per-key order breaks and key-reading consumers get another id`;
    facts.push({
      ...site,
      kind: 'key-changed',
      summary: `changing the key of ${next.name} from ${old.keyField} to ${next.keyField}`,
      breaks: { backward: why, forward: why },
    });
  }
  const configKeys = new Set([...Object.keys(old.config), ...Object.keys(next.config)]);
  configKeys.delete('cleanup.policy');
  const changed = [...configKeys]
    .sort()
    .filter((key) => old.config[key] !== next.config[key])
    .map((key) => `${key} ${old.config[key] ?? 'unset'} → ${next.config[key] ?? 'unset'}`);
  if (old.replicationFactor !== next.replicationFactor) {
    changed.unshift(`replication factor ${old.replicationFactor} → ${next.replicationFactor}`);
  }
  if (changed.length) {
    facts.push({
      ...site,
      kind: 'topic-config-changed',
      summary: `changing the settings of ${next.name} (${changed.join(', ')})`,
      breaks: {},
    });
  }
  return facts;
}

function topicFacts(before: Side, after: Side): SchemaChangeFact[] {
  const { pairs, removed, added } = pair(
    before.plan.topics,
    after.plan.topics,
    (topic) => `${topic.ownerElementId}:${topic.kind}`,
    (topic) => topic.name,
  );
  const facts: SchemaChangeFact[] = [];
  const contextName = (topic: TopicDefinition, from: Side) => from.topicContext.get(topic.name) ?? '';
  for (const topic of removed) {
    facts.push({
      kind: 'topic-removed',
      context: contextName(topic, before),
      topic: topic.name,
      elementId: topic.ownerElementId,
      summary: `removing the topic ${topic.name}`,
      breaks: {
        backward: `the events ${topic.name} holds are no longer described by any contract`,
        forward: `they are subscribed to ${topic.name}, which receives no more events`,
      },
    });
  }
  for (const topic of added) {
    facts.push({
      kind: 'topic-added',
      context: contextName(topic, after),
      topic: topic.name,
      elementId: topic.ownerElementId,
      summary: `adding the topic ${topic.name}`,
      breaks: {},
    });
  }
  for (const [old, next] of pairs) facts.push(...topicChange(old, next, contextName(next, after)));
  return facts;
}

const KIND_ORDER = new Map(SCHEMA_CHANGE_KINDS.map((kind, index) => [kind, index]));

function compareFacts(a: SchemaChangeFact, b: SchemaChangeFact): number {
  // The context's own changes, then its events, then its topics.
  const keys = (fact: SchemaChangeFact) => [
    fact.context,
    fact.event !== undefined ? '1' : fact.topic !== undefined ? '2' : '0',
    fact.event ?? fact.topic ?? '',
    fact.field ?? '',
  ];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  }
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
}

/** Every contract change from `before` to `after`, mode-independent, in a stable order. */
export function diffFacts(
  before: BoardSnapshot,
  after: BoardSnapshot,
  options: ExportOptions = {},
): SchemaChangeFact[] {
  const [old, next] = [side(before, options), side(after, options)];
  return [...contextFacts(old.plan, next.plan), ...eventFacts(old, next), ...topicFacts(old, next)].sort(
    compareFacts,
  );
}

/** Judges the changes under one mode. */
export function judgeDiff(facts: readonly SchemaChangeFact[], mode: CompatibilityMode): BoardDiff {
  const changes = facts.map((fact) => judgeChange(fact, mode));
  const breakingCount = changes.filter((change) => change.breaking).length;
  return { mode, compatible: breakingCount === 0, breakingCount, changes };
}

export interface DiffOptions {
  /** Default `backward` (the schema registries' default). */
  readonly mode?: CompatibilityMode;
  /** The export options both sides are planned with (the organisation shapes topic names). */
  readonly exportOptions?: ExportOptions;
}

/** Compares two boards' contracts and judges every change under the mode. */
export function diffBoards(
  before: BoardSnapshot,
  after: BoardSnapshot,
  options: DiffOptions = {},
): BoardDiff {
  return judgeDiff(diffFacts(before, after, options.exportOptions), options.mode ?? 'backward');
}
