/**
 * The shared runtime package of the generated services (`services/runtime/src/`): envelopes, event store,
 * event buses (in process and Kafka), record encoding and dead-letter routing. Board-independent.
 */
export const RUNTIME_SOURCES: Readonly<Record<string, string>> = {
  'cloud-event.ts': `import { randomUUID } from 'node:crypto';

/** Any event in its CloudEvents 1.0 envelope, as the generated contracts define them. */
export interface AnyCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly partitionkey: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: unknown;
}

/** What \`decide\` returns: an event's type and payload; the command handler adds the envelope. */
export type NewEvent<E> = E extends { readonly type: infer T; readonly data: infer D }
  ? { readonly type: T; readonly data: D }
  : never;

/** Time and ids come from here, so tests can fix them. */
export interface Clock {
  /** RFC 3339, e.g. 2024-05-01T09:30:00.000Z. */
  now(): string;
  newId(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  newId: () => randomUUID(),
};

/**
 * Wraps new events of one aggregate instance in their envelope: \`subject\` and \`partitionkey\` are the
 * aggregate id, so the Kafka key keeps one aggregate's events in order in one partition.
 */
export function toCloudEvents<E extends AnyCloudEvent>(
  events: readonly NewEvent<E>[],
  meta: { readonly source: string; readonly aggregateId: string; readonly clock: Clock },
): E[] {
  return events.map(
    (event) =>
      ({
        specversion: '1.0',
        id: meta.clock.newId(),
        source: meta.source,
        type: event.type,
        subject: meta.aggregateId,
        partitionkey: meta.aggregateId,
        time: meta.clock.now(),
        datacontenttype: 'application/json',
        data: event.data,
        // The union of envelopes cannot be built member by member; the handler validates the result.
      }) as unknown as E,
  );
}

/** A clock for tests: one fixed time, and ids counting up as UUIDs. */
export function testClock(now = '2024-05-01T09:30:00.000Z'): Clock {
  let next = 0;
  return {
    now: () => now,
    newId: () => '00000000-0000-4000-8000-' + String(++next).padStart(12, '0'),
  };
}

/** What decide (and an external system's adapter, and a policy) may use besides the command. */
export interface DecideContext {
  /** The id of the aggregate instance the command is for (new ones get a fresh id). */
  readonly aggregateId: string;
  /** RFC 3339. */
  readonly now: string;
  newId(): string;
}

/** What a policy may use besides the event: the time and new ids. */
export type PolicyContext = Omit<DecideContext, 'aggregateId'>;

/**
 * The default branch of an exhaustive switch over \`type\`: when the board gains an event or command, the
 * switch in your code stops compiling here until you handle it.
 */
export function unhandled(type: never): never {
  throw new Error('unhandled: ' + String(type));
}
`,
  'dead-letter.ts': `import type { AnyCloudEvent } from './cloud-event.js';
import type { EventRoute } from './event-bus.js';
import { decodeRecord, type KafkaRecord } from './kafka-record.js';

/** Headers a dead letter carries on top of the original record's. */
export const DEAD_LETTER_REASON_HEADER = 'squall-dead-letter-reason';
export const DEAD_LETTER_TOPIC_HEADER = 'squall-original-topic';
export const DEAD_LETTER_GROUP_HEADER = 'squall-consumer-group';

/** A record on its way to the dead-letter topic. */
export interface DeadLetter {
  readonly kind: 'dead-letter';
  readonly topic: string;
  readonly reason: string;
  readonly record: KafkaRecord;
}

/** What a consumer does with a record it received. */
export type ConsumedRecord =
  | { readonly kind: 'deliver'; readonly event: AnyCloudEvent }
  /** An event type this consumer does not handle: other consumers of the topic do. */
  | { readonly kind: 'skip'; readonly type: string }
  | DeadLetter;

/** The dead-letter copy of a record: same key and value, the original headers plus why and where from. */
export function deadLetter(
  record: KafkaRecord,
  meta: { readonly deadLetterTopic: string; readonly topic: string; readonly groupId: string; readonly reason: string },
): DeadLetter {
  return {
    kind: 'dead-letter',
    topic: meta.deadLetterTopic,
    reason: meta.reason,
    record: {
      key: record.key,
      value: record.value,
      headers: {
        ...record.headers,
        [DEAD_LETTER_REASON_HEADER]: meta.reason,
        [DEAD_LETTER_TOPIC_HEADER]: meta.topic,
        [DEAD_LETTER_GROUP_HEADER]: meta.groupId,
      },
    },
  };
}

/**
 * Decodes and validates one consumed record. Records that are not CloudEvents, or whose event fails
 * its schema, go to the dead-letter topic; types the consumer does not handle are skipped.
 */
export function routeRecord(
  record: KafkaRecord,
  meta: {
    readonly topic: string;
    readonly groupId: string;
    readonly routes: readonly EventRoute[];
    readonly deadLetterTopic: string;
  },
): ConsumedRecord {
  const reject = (reason: string) => deadLetter(record, { ...meta, reason });
  const decoded = decodeRecord(record);
  if (!decoded.ok) return reject(decoded.reason);
  const type = (decoded.event as { type: string }).type;
  const route = meta.routes.find((candidate) => candidate.type === type && candidate.topic === meta.topic);
  if (!route) return { kind: 'skip', type };
  const parsed = route.schema.safeParse(decoded.event);
  if (!parsed.success) return reject('invalid ' + type + ': ' + parsed.error.message.replace(/\\s+/g, ' '));
  return { kind: 'deliver', event: parsed.data as AnyCloudEvent };
}
`,
  'event-bus.ts': `import type { AnyCloudEvent } from './cloud-event.js';

/** The minimal schema a route needs: zod's \`safeParse\`. */
export interface EventSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { message: string } };
}

/** Where an event type travels: its topic, and the schema every consumer checks it against. */
export interface EventRoute {
  readonly type: string;
  readonly topic: string;
  readonly schema: EventSchema;
}

/** A consumer: a Kafka consumer group, the event types it handles, and what it does with one. */
export interface Subscription {
  readonly groupId: string;
  readonly routes: readonly EventRoute[];
  /** Where records this consumer cannot use go: the consuming context's dead-letter topic. */
  readonly deadLetterTopic: string;
  /** Throwing retries the event; after the last attempt it goes to the dead-letter topic. */
  handle(event: AnyCloudEvent): Promise<void>;
}

/**
 * Publishes events and delivers them to subscriptions. The Kafka bus and the in-process bus implement
 * it alike, so a service runs the same on both.
 */
export interface EventBus {
  /** Resolves once the events are accepted (written to Kafka, or queued in process), in order. */
  publish(events: readonly AnyCloudEvent[]): Promise<void>;
  /** Before \`start\`. */
  subscribe(subscription: Subscription): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How often a failing handler is tried before its event is dead-lettered. */
export const HANDLER_ATTEMPTS = 3;
`,
  'event-store.ts': `import type { AnyCloudEvent } from './cloud-event.js';

/** One aggregate instance's events, oldest first; \`version\` is their count. */
export interface EventStream<E extends AnyCloudEvent = AnyCloudEvent> {
  readonly events: readonly E[];
  readonly version: number;
}

/** Another writer appended to the stream since it was loaded. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'stream ' + streamId + ' is at version ' + actualVersion + ', not the expected ' + expectedVersion,
    );
    this.name = 'ConcurrencyError';
  }
}

/**
 * Where aggregates keep their events. \`append\` is atomic and checks the expected version (optimistic
 * concurrency): it throws a ConcurrencyError when the stream moved on, and writes nothing then.
 */
export interface EventStore {
  load(streamId: string): Promise<EventStream>;
  /** Returns the stream's new version. */
  append(streamId: string, expectedVersion: number, events: readonly AnyCloudEvent[]): Promise<number>;
}

/** For tests and local runs: a process's memory. Replace it with a database for anything that must last. */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, AnyCloudEvent[]>();

  async load(streamId: string): Promise<EventStream> {
    const events = this.streams.get(streamId) ?? [];
    return { events: [...events], version: events.length };
  }

  async append(streamId: string, expectedVersion: number, events: readonly AnyCloudEvent[]): Promise<number> {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion) {
      throw new ConcurrencyError(streamId, expectedVersion, stream.length);
    }
    stream.push(...events);
    this.streams.set(streamId, stream);
    return stream.length;
  }

  /** Every stream id, for tests. */
  streamIds(): string[] {
    return [...this.streams.keys()].sort();
  }
}
`,
  'in-process-bus.ts': `import type { AnyCloudEvent } from './cloud-event.js';
import { type DeadLetter, deadLetter, routeRecord } from './dead-letter.js';
import { type EventBus, HANDLER_ATTEMPTS, type Subscription } from './event-bus.js';
import { encodeRecord, type KafkaRecord } from './kafka-record.js';

interface Delivery {
  readonly subscription: Subscription;
  readonly topic: string;
  readonly record: KafkaRecord;
}

/**
 * The event bus in one process, for tests and local runs. Every event goes through the same record
 * encoding, validation and dead-letter routing as on Kafka; deliveries run one at a time, in publish
 * order, so a saga's steps happen in the order Kafka would keep per key.
 */
export class InProcessBus implements EventBus {
  private readonly subscriptions: Subscription[] = [];
  private readonly queue: Delivery[] = [];
  private draining: Promise<void> | undefined;
  private started = false;
  /** Every published event, in order. */
  readonly published: AnyCloudEvent[] = [];
  /** What consumers could not use, as the Kafka bus would write it to the dead-letter topics. */
  readonly deadLetters: DeadLetter[] = [];

  async publish(events: readonly AnyCloudEvent[]): Promise<void> {
    for (const event of events) {
      this.published.push(event);
      this.enqueue(encodeRecord(event), event.type);
    }
    this.drain();
  }

  /** Hands a raw record to the consumers of \`topic\`, as if another producer had written it. */
  async publishRecord(topic: string, record: KafkaRecord): Promise<void> {
    for (const subscription of this.subscriptions) {
      if (subscription.routes.some((route) => route.topic === topic)) {
        this.queue.push({ subscription, topic, record });
      }
    }
    this.drain();
  }

  subscribe(subscription: Subscription): void {
    if (this.subscriptions.some((s) => s.groupId === subscription.groupId)) {
      throw new Error('consumer group ' + subscription.groupId + ' is subscribed twice');
    }
    this.subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    this.started = true;
    this.drain();
  }

  async stop(): Promise<void> {
    await this.idle();
    this.started = false;
  }

  /** Resolves when every delivery so far, and every one they caused, is done. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private enqueue(record: KafkaRecord, type: string): void {
    for (const subscription of this.subscriptions) {
      const route = subscription.routes.find((candidate) => candidate.type === type);
      if (route) this.queue.push({ subscription, topic: route.topic, record });
    }
  }

  private drain(): void {
    if (this.draining || !this.started) return;
    this.draining = (async () => {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.deliver(next);
    })().finally(() => {
      this.draining = undefined;
    });
  }

  private async deliver({ subscription, topic, record }: Delivery): Promise<void> {
    const meta = { topic, groupId: subscription.groupId, deadLetterTopic: subscription.deadLetterTopic };
    const routed = routeRecord(record, { ...meta, routes: subscription.routes });
    if (routed.kind === 'skip') return;
    if (routed.kind === 'dead-letter') {
      this.deadLetters.push(routed);
      return;
    }
    let failure = '';
    for (let attempt = 1; attempt <= HANDLER_ATTEMPTS; attempt++) {
      try {
        await subscription.handle(routed.event);
        return;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    const reason = 'handler failed ' + HANDLER_ATTEMPTS + ' times: ' + failure;
    this.deadLetters.push(deadLetter(record, { ...meta, reason }));
  }
}
`,
  'index.ts': `export * from './cloud-event.js';
export * from './dead-letter.js';
export * from './event-bus.js';
export * from './event-store.js';
export * from './in-process-bus.js';
export * from './kafka-bus.js';
export * from './kafka-record.js';
export * from './read-model-store.js';
`,
  'kafka-bus.ts': `import type { Consumer, IHeaders, Kafka, Producer } from 'kafkajs';
import type { AnyCloudEvent } from './cloud-event.js';
import { deadLetter, routeRecord } from './dead-letter.js';
import { type EventBus, type EventRoute, HANDLER_ATTEMPTS, type Subscription } from './event-bus.js';
import { encodeRecord, type KafkaRecord } from './kafka-record.js';

/** kafkajs hands header values as Buffers (or arrays of them); CloudEvents headers are single strings. */
export function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

function toMessage(record: KafkaRecord) {
  return { key: record.key, value: record.value, headers: { ...record.headers } };
}

/**
 * The event bus on Kafka (kafkajs): an idempotent producer writes each event to its aggregate's topic,
 * keyed by the aggregate id, in CloudEvents binary mode; each subscription is a consumer group that
 * validates what it reads and dead-letters what it cannot use. Offsets are committed after handling,
 * so an event is handled at least once: handlers must be idempotent (deduplicate on the event id).
 */
export class KafkaBus implements EventBus {
  private readonly producer: Producer;
  private readonly consumers: Consumer[] = [];
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly kafka: Kafka,
    /** The events this service publishes, with their topics. */
    private readonly publishRoutes: readonly EventRoute[],
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async publish(events: readonly AnyCloudEvent[]): Promise<void> {
    for (const event of events) {
      const route = this.publishRoutes.find((candidate) => candidate.type === event.type);
      if (!route) throw new Error('no topic for event type ' + event.type);
      await this.producer.send({ topic: route.topic, acks: -1, messages: [toMessage(encodeRecord(event))] });
    }
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    await this.producer.connect();
    for (const subscription of this.subscriptions) {
      const consumer = this.kafka.consumer({ groupId: subscription.groupId });
      this.consumers.push(consumer);
      await consumer.connect();
      const topics = [...new Set(subscription.routes.map((route) => route.topic))];
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          const record: KafkaRecord = {
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers: headersOf(message.headers),
          };
          await this.consume(subscription, topic, record);
        },
      });
    }
  }

  async stop(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.disconnect();
    await this.producer.disconnect();
  }

  private async consume(subscription: Subscription, topic: string, record: KafkaRecord): Promise<void> {
    const meta = { topic, groupId: subscription.groupId, deadLetterTopic: subscription.deadLetterTopic };
    const routed = routeRecord(record, { ...meta, routes: subscription.routes });
    if (routed.kind === 'skip') return;
    if (routed.kind === 'deliver') {
      let failure = '';
      for (let attempt = 1; attempt <= HANDLER_ATTEMPTS; attempt++) {
        try {
          await subscription.handle(routed.event);
          return;
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
      }
      const reason = 'handler failed ' + HANDLER_ATTEMPTS + ' times: ' + failure;
      const letter = deadLetter(record, { ...meta, reason });
      await this.sendDeadLetter(letter.topic, letter.record);
      return;
    }
    await this.sendDeadLetter(routed.topic, routed.record);
  }

  private async sendDeadLetter(topic: string, record: KafkaRecord): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages: [toMessage(record)] });
  }
}
`,
  'kafka-record.ts': `import type { AnyCloudEvent } from './cloud-event.js';

/** A Kafka record as producers send it and consumers receive it (header values as strings). */
export interface KafkaRecord {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** CloudEvents attributes that travel as \`ce_\` headers in binary mode (datacontenttype is \`content-type\`). */
const HEADER_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'subject', 'time'] as const;

/** The record key of an event: its \`partitionkey\`, the aggregate id (also its \`subject\`). */
export function recordKey(event: AnyCloudEvent): string {
  return event.partitionkey;
}

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes in \`ce_*\` headers,
 * \`datacontenttype\` in \`content-type\`, the data as the JSON value, the partition key as the record key.
 */
export function encodeRecord(event: AnyCloudEvent): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const attribute of HEADER_ATTRIBUTES) headers['ce_' + attribute] = event[attribute];
  return { key: recordKey(event), value: JSON.stringify(event.data), headers };
}

/**
 * Decoded objects have no prototype: a payload without its optional \`toString\` field must not look as if it
 * had one (the inherited method) to the validator, or to the code that handles it.
 */
function withoutPrototype(_key: string, value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.assign(Object.create(null) as object, value)
    : value;
}

export type DecodedRecord =
  | { readonly ok: true; readonly event: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * The envelope a binary-mode record carries, not yet validated: the schema check decides if it is
 * an event this consumer accepts. Fails on a record that is not a CloudEvent at all.
 */
export function decodeRecord(record: KafkaRecord): DecodedRecord {
  const missing = HEADER_ATTRIBUTES.filter((attribute) => record.headers['ce_' + attribute] === undefined);
  if (missing.length > 0) {
    return { ok: false, reason: 'not a binary-mode CloudEvent: no ce_' + missing.join(', ce_') + ' header' };
  }
  if (record.key === null) return { ok: false, reason: 'the record has no key (the aggregate id)' };
  if (record.value === null) return { ok: false, reason: 'the record has no value (a tombstone is no event)' };
  let data: unknown;
  try {
    data = JSON.parse(record.value, withoutPrototype);
  } catch {
    return { ok: false, reason: 'the value is not JSON' };
  }
  const event: Record<string, unknown> = {};
  for (const attribute of HEADER_ATTRIBUTES) event[attribute] = record.headers['ce_' + attribute];
  event.partitionkey = record.key;
  event.datacontenttype = record.headers['content-type'];
  event.data = data;
  return { ok: true, event };
}
`,
  'read-model-store.ts': `/** Where a projection keeps its views, one per key (the aggregate id of the events feeding it). */
export interface ReadModelStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, view: V): Promise<void>;
  delete(key: string): Promise<void>;
}

export class InMemoryReadModelStore<V> implements ReadModelStore<V> {
  private readonly views = new Map<string, V>();

  async get(key: string): Promise<V | undefined> {
    return this.views.get(key);
  }

  async set(key: string, view: V): Promise<void> {
    this.views.set(key, view);
  }

  async delete(key: string): Promise<void> {
    this.views.delete(key);
  }

  /** Every view, by key: for tests and a quick look. */
  all(): Map<string, V> {
    return new Map(this.views);
  }
}
`,
};
