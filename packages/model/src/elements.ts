import type { PayloadField } from './fields.ts';
import type { ElementKind } from './kinds.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Kafka topic settings; unset values are inherited (aggregate ← bounded context ← exporter profile). */
export interface TopicSettings {
  /** ≥ 1. More partitions, more parallel consumers; it can never decrease once created. */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** `retention.ms` of the events topic; -1 keeps events forever. */
  readonly retentionMs?: number;
  /** Compact the events topic (`cleanup.policy=compact`) instead of deleting by time. */
  readonly compaction?: boolean;
  /** Aggregate only: also publish a compacted `.state` topic for database-per-service replication. */
  readonly stateTopic?: boolean;
}

interface ElementBase<K extends ElementKind> {
  readonly id: string;
  readonly kind: K;
  /** The sticky's text as people wrote it (any language, multi-line). */
  readonly text: string;
  /** Top-left corner in board coordinates. */
  readonly position: Point;
  readonly size: Size;
  /** Fractional index: elements paint in ascending (z, id) order. */
  readonly z: string;
  /** Stable identifier for exporters; empty means "derive from the text". */
  readonly codeName: string;
}

export interface DomainEventElement extends ElementBase<'domainEvent'> {
  readonly fields: readonly PayloadField[];
  /** A pivotal event marks a phase border on the timeline; absent means not pivotal. */
  readonly pivotal?: true;
}
export interface CommandElement extends ElementBase<'command'> {
  readonly fields: readonly PayloadField[];
}
export interface AggregateElement extends ElementBase<'aggregate'> {
  /** Name of the aggregate's identity field (the Kafka message key); empty means `<aggregate>Id`. */
  readonly keyField: string;
  readonly topic: TopicSettings;
}
export interface BoundedContextElement extends ElementBase<'boundedContext'> {
  /** Prefix of the context's topic names; empty means derived from the context's name. */
  readonly topicPrefix: string;
  /** Defaults for the topics of the aggregates inside. */
  readonly topic: TopicSettings;
}
export type ActorElement = ElementBase<'actor'>;
export type PolicyElement = ElementBase<'policy'>;
export type ReadModelElement = ElementBase<'readModel'>;
export type ExternalSystemElement = ElementBase<'externalSystem'>;
export type HotspotElement = ElementBase<'hotspot'>;
export type OpportunityElement = ElementBase<'opportunity'>;
/** A horizontal named band (its text is the name); the notes whose centre is inside it belong to it. */
export type SwimlaneElement = ElementBase<'swimlane'>;

export type BoardElement =
  | DomainEventElement
  | CommandElement
  | ActorElement
  | AggregateElement
  | PolicyElement
  | ReadModelElement
  | ExternalSystemElement
  | HotspotElement
  | OpportunityElement
  | BoundedContextElement
  | SwimlaneElement;

export type ElementOfKind<K extends ElementKind> = Extract<BoardElement, { kind: K }>;

/** A directed arrow between two elements, e.g. command → aggregate. */
export interface Connection {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

/** The workshop level sets how strict the lint is. */
export const WORKSHOP_LEVELS = ['bigPicture', 'process', 'design'] as const;
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];

/** A typed, validated read of a whole board: what the server, the CLI and the exporters consume. */
export interface BoardSnapshot {
  readonly schemaVersion: number;
  readonly level: WorkshopLevel;
  /** In paint order: ascending (z, id). */
  readonly elements: readonly BoardElement[];
  /** Ascending by id; never dangling. */
  readonly connections: readonly Connection[];
}
