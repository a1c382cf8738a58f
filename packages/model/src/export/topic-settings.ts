import type { AggregateElement, ExternalSystemElement, TopicSettings } from '../elements.ts';
import type { CodeName } from './names.ts';
import {
  DEFAULT_PARTITIONS,
  DEFAULT_RETENTION_MS,
  PROD_REPLICATION_FACTOR,
  type ResolvedExportOptions,
} from './options.ts';

/** One Kafka topic, in the neutral shape every topic format (JSON, TS, Strimzi, Terraform, shell) renders. */
export interface TopicDefinition {
  /** `<org>.<context>.<aggregate>.events` or `.state`. */
  readonly name: string;
  /**
   * `events`: the aggregate's event stream. `state`: its latest state per key, compacted. `dead-letter`:
   * the records a context's consumers could not use (`<org>.<context>.dead-letter`).
   */
  readonly kind: 'events' | 'state' | 'dead-letter';
  readonly context: string;
  readonly aggregate: string;
  readonly ownerElementId: string;
  /** Payload field holding the record key (the aggregate id); `partitionkey` for a dead-letter topic. */
  readonly keyField: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Kafka topic configs, values as strings (what Kafka and Terraform expect), keys sorted. */
  readonly config: Readonly<Record<string, string>>;
}

interface ContextLike {
  readonly element: { readonly topic: TopicSettings } | undefined;
  readonly segment: string;
}

/** `min.insync.replicas` must stay below the replication factor, else `acks=all` writes fail. */
export function minInsyncReplicas(replicationFactor: number): number {
  return Math.max(1, Math.min(2, replicationFactor - 1));
}

/**
 * The topics of an aggregate or external system. Settings are inherited aggregate ← context ← defaults;
 * the dev profile always uses one replica (a single-broker cluster).
 */
export function topicsForOwner(
  owner: AggregateElement | ExternalSystemElement,
  context: ContextLike,
  name: CodeName,
  keyField: string,
  options: ResolvedExportOptions,
): { events: TopicDefinition; state: TopicDefinition | undefined } {
  const own: TopicSettings = owner.kind === 'aggregate' ? owner.topic : {};
  const inherited: TopicSettings = context.element?.topic ?? {};
  const partitions = own.partitions ?? inherited.partitions ?? DEFAULT_PARTITIONS;
  const replicationFactor =
    options.profile === 'dev'
      ? 1
      : (own.replicationFactor ?? inherited.replicationFactor ?? PROD_REPLICATION_FACTOR);
  const retentionMs = own.retentionMs ?? inherited.retentionMs ?? DEFAULT_RETENTION_MS;
  const compaction = own.compaction ?? inherited.compaction ?? false;
  const minInsync = String(minInsyncReplicas(replicationFactor));
  const base = `${options.org}.${context.segment}.${name.kebab}`;
  const common = {
    context: context.segment,
    aggregate: name.kebab,
    ownerElementId: owner.id,
    keyField,
    partitions,
    replicationFactor,
  };
  const events: TopicDefinition = {
    ...common,
    name: `${base}.events`,
    kind: 'events',
    config: compaction
      ? { 'cleanup.policy': 'compact', 'min.insync.replicas': minInsync }
      : { 'cleanup.policy': 'delete', 'min.insync.replicas': minInsync, 'retention.ms': String(retentionMs) },
  };
  const state: TopicDefinition | undefined = own.stateTopic
    ? {
        ...common,
        name: `${base}.state`,
        kind: 'state',
        config: { 'cleanup.policy': 'compact', 'min.insync.replicas': minInsync },
      }
    : undefined;
  return { events, state };
}

/** Dead letters wait for a person: kept 30 days, in one partition (they are rare and their order is moot). */
export const DEAD_LETTER_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The dead-letter topic of a context's consumers. Records keep their original key (the CloudEvents
 * `partitionkey`), value and headers, plus headers saying why and where from.
 */
export function deadLetterTopic(
  context: ContextLike & { readonly element: { readonly id: string } | undefined },
  options: ResolvedExportOptions,
): TopicDefinition {
  const inherited: TopicSettings = context.element?.topic ?? {};
  const replicationFactor =
    options.profile === 'dev' ? 1 : (inherited.replicationFactor ?? PROD_REPLICATION_FACTOR);
  return {
    name: `${options.org}.${context.segment}.dead-letter`,
    kind: 'dead-letter',
    context: context.segment,
    aggregate: 'dead-letter',
    ownerElementId: context.element?.id ?? '',
    keyField: 'partitionkey',
    partitions: 1,
    replicationFactor,
    config: {
      'cleanup.policy': 'delete',
      'min.insync.replicas': String(minInsyncReplicas(replicationFactor)),
      'retention.ms': String(DEAD_LETTER_RETENTION_MS),
    },
  };
}
