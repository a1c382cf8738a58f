import { quoted } from '../display-text.ts';
import type {
  AggregateElement,
  BoardElement,
  BoardSnapshot,
  BoundedContextElement,
  CommandElement,
  DomainEventElement,
  ExternalSystemElement,
  PolicyElement,
  ReadModelElement,
} from '../elements.ts';
import { contextMembership } from '../grammar/containment.ts';
import { lintBoard } from '../grammar/lint.ts';
import { type DerivedName, NameScope } from './name-scope.ts';
import { topicPrefixName } from './names.ts';
import type { ResolvedExportOptions } from './options.ts';
import { type PayloadProperty, resolvePayload } from './payload.ts';
import { deadLetterTopic, type TopicDefinition, topicsForOwner } from './topic-settings.ts';
import { type ExportWarning, warningsFromLint } from './warnings.ts';

/**
 * The board as the exporters see it: bounded contexts, the aggregates (and external systems) that own
 * topics, their events and commands, and the policies that consume events. Every name is final here,
 * so all formats agree on them.
 */
export interface ExportPlan {
  readonly options: ResolvedExportOptions;
  /** Sorted by kebab name. */
  readonly contexts: readonly PlanContext[];
  /** Sorted by name. */
  readonly topics: readonly TopicDefinition[];
  readonly warnings: readonly ExportWarning[];
}

export interface PlanContext {
  /** Undefined for the implicit context of elements outside every frame. */
  readonly element: BoundedContextElement | undefined;
  readonly name: DerivedName;
  /** The context's part of topic names and CloudEvents types (the frame's topic prefix, or its name). */
  readonly segment: string;
  /** Aggregates and external systems that produce events or handle commands, plus `unassigned`. */
  readonly owners: readonly PlanOwner[];
  readonly policies: readonly PlanPolicy[];
  /** Read models and the events that result in them (their arrows), timeline order. */
  readonly readModels: readonly PlanReadModel[];
  /**
   * Where the context's consumers (policies, read models) put events they cannot use: not a CloudEvent,
   * not valid against the event's schema, or failing every retry. Undefined when it consumes nothing.
   */
  readonly deadLetterTopic: TopicDefinition | undefined;
}

export interface PlanReadModel {
  readonly element: ReadModelElement;
  readonly context: PlanContext;
  readonly name: DerivedName;
  /** Kafka consumer group of the projection: `<org>.<context>.<read-model>`. */
  readonly groupId: string;
  readonly feeds: readonly PlanEvent[];
}

export interface PlanOwner {
  /** Undefined for the module of events without producer and commands without handler. */
  readonly element: AggregateElement | ExternalSystemElement | undefined;
  readonly context: PlanContext;
  readonly name: DerivedName;
  /** camelCase name of the aggregate id: the Kafka key, CloudEvents `subject` and `partitionkey`. */
  readonly keyField: string;
  readonly events: readonly PlanEvent[];
  readonly commands: readonly PlanCommand[];
  readonly eventsTopic: TopicDefinition | undefined;
  readonly stateTopic: TopicDefinition | undefined;
}

export interface PlanEvent {
  readonly element: DomainEventElement;
  readonly owner: PlanOwner;
  readonly name: DerivedName;
  /** CloudEvents `type`: `com.<org>.<context>.<aggregate>.<Event>.v1`. */
  readonly cloudEventType: string;
  readonly properties: readonly PayloadProperty[];
}

export interface PlanCommand {
  readonly element: CommandElement;
  readonly owner: PlanOwner;
  readonly name: DerivedName;
  readonly properties: readonly PayloadProperty[];
}

export interface PlanPolicy {
  readonly element: PolicyElement;
  readonly context: PlanContext;
  readonly name: DerivedName;
  /** Kafka consumer group of the policy: `<org>.<context>.<policy>`. */
  readonly groupId: string;
  readonly triggers: readonly PlanEvent[];
  readonly commands: readonly PlanCommand[];
}

type Owner = AggregateElement | ExternalSystemElement;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Timeline order: left to right, then top to bottom; ids break ties so the order never depends on input order. */
function byTimeline(a: BoardElement, b: BoardElement): number {
  return (
    a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const UNASSIGNED = 'unassigned';
/** Module names every context uses, so an aggregate called "Index" gets another name. */
const RESERVED_MODULES = ['index', UNASSIGNED];
const UNASSIGNED_NAME: DerivedName = {
  pascal: 'Unassigned',
  camel: UNASSIGNED,
  kebab: UNASSIGNED,
  transliterated: false,
  han: false,
  adjusted: false,
  collided: false,
  shortened: false,
};

function nameWarning(element: BoardElement, name: DerivedName, what: string): ExportWarning[] {
  const text = quoted(element.text);
  const warnings: ExportWarning[] = [];
  if (name.collided) {
    warnings.push({
      code: 'name-collision',
      severity: 'warning',
      source: 'export',
      elementIds: [element.id],
      message: `${text} has the same code name as another ${what}; it is exported as ${name.pascal}. Set a code name to choose one.`,
    });
  }
  if (name.han) {
    warnings.push({
      code: 'han-transliteration',
      severity: 'info',
      source: 'export',
      elementIds: [element.id],
      message: `${text} contains Han characters, transliterated with Mandarin readings as ${name.pascal}; review it or set a code name.`,
    });
  }
  return warnings;
}

/** The elements at the other end of an element's arrows, in connection (id) order. */
class Links {
  private readonly into = new Map<string, BoardElement[]>();
  private readonly outOf = new Map<string, BoardElement[]>();

  constructor(board: BoardSnapshot, byId: ReadonlyMap<string, BoardElement>) {
    for (const connection of board.connections) {
      const source = byId.get(connection.source);
      const target = byId.get(connection.target);
      if (!source || !target) continue;
      const into = this.into.get(target.id);
      if (into) into.push(source);
      else this.into.set(target.id, [source]);
      const outOf = this.outOf.get(source.id);
      if (outOf) outOf.push(target);
      else this.outOf.set(source.id, [target]);
    }
  }

  /** Elements with an arrow into `id` that `accept` takes. */
  sources<T extends BoardElement>(id: string, accept: (element: BoardElement) => element is T): T[] {
    return (this.into.get(id) ?? []).filter(accept);
  }

  /** Elements `id` points at that `accept` takes. */
  targets<T extends BoardElement>(id: string, accept: (element: BoardElement) => element is T): T[] {
    return (this.outOf.get(id) ?? []).filter(accept);
  }
}

const isOwner = (element: BoardElement): element is Owner =>
  element.kind === 'aggregate' || element.kind === 'externalSystem';
const isEvent = (element: BoardElement): element is DomainEventElement => element.kind === 'domainEvent';
const isCommand = (element: BoardElement): element is CommandElement => element.kind === 'command';

export function buildExportPlan(board: BoardSnapshot, options: ResolvedExportOptions): ExportPlan {
  const warnings: ExportWarning[] = warningsFromLint(lintBoard(board));
  const byId = new Map(board.elements.map((element) => [element.id, element]));
  const membership = contextMembership(board.elements);
  const links = new Links(board, byId);
  const sorted = [...board.elements].sort(byTimeline);

  // Who produces each event and handles each command: aggregates before external systems, then the first
  // arrow (the lint's `event-with-several-aggregates` warns about the others).
  const producerOf = (id: string) =>
    links.sources(id, isOwner).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'aggregate' ? -1 : 1))[0];
  const eventOwner = new Map<string, Owner | undefined>();
  const commandOwner = new Map<string, Owner | undefined>();
  for (const element of sorted) {
    if (element.kind === 'domainEvent') eventOwner.set(element.id, producerOf(element.id));
    if (element.kind === 'command') {
      const handlers = links.targets(element.id, isOwner);
      commandOwner.set(element.id, handlers.find((h) => h.kind === 'aggregate') ?? handlers[0]);
    }
  }

  // Contexts: the frames, plus an implicit one when something exportable lies outside every frame.
  const contextScope = new NameScope(['envelope', 'topics']);
  const contexts = new Map<string, Mutable<PlanContext>>();
  const contextKey = (element: BoardElement) => membership.get(element.id)?.id ?? '';
  const exportable = sorted.filter(
    (element) => isOwner(element) || isEvent(element) || isCommand(element) || element.kind === 'policy',
  );
  const frames = sorted.filter(
    (element): element is BoundedContextElement => element.kind === 'boundedContext',
  );
  const needsDefault = exportable.some((element) => contextKey(element) === '');
  const usedSegments = new Set<string>();
  for (const frame of [...frames, ...(needsDefault ? [undefined] : [])]) {
    const source = frame ?? { id: 'default', kind: 'boundedContext' as const, text: 'default', codeName: '' };
    const name = contextScope.claim(source, ['']);
    if (frame) warnings.push(...nameWarning(frame, name, 'bounded context'));
    const wanted = (frame && topicPrefixName(frame.topicPrefix, frame.id)) || name.kebab;
    let segment = wanted;
    for (let n = 1; usedSegments.has(segment); n++) segment = n === 1 ? name.kebab : `${name.kebab}-${n}`;
    if (segment !== wanted) {
      // Two contexts with one prefix would share topic names.
      warnings.push({
        code: 'topic-prefix-collision',
        severity: 'warning',
        source: 'export',
        elementIds: frame ? [frame.id] : [],
        message: `Topic prefix "${wanted}" is used by another bounded context; ${frame ? quoted(frame.text) : '"default"'} uses "${segment}" instead.`,
      });
    }
    usedSegments.add(segment);
    contexts.set(frame?.id ?? '', {
      element: frame,
      name,
      segment,
      owners: [],
      policies: [],
      readModels: [],
      deadLetterTopic: undefined,
    });
  }

  // Names in one context share a scope: the context's modules are re-exported together.
  const scopes = new Map<string, NameScope>();
  for (const key of contexts.keys()) scopes.set(key, new NameScope(RESERVED_MODULES));
  const owners = new Map<string, Mutable<PlanOwner>>();
  const ownerSuffixes = ['', 'Event', 'EventSchema', 'EventTypes', 'EventsTopic', 'StateTopic'];
  const ownerFor = (element: Owner | undefined, key: string): Mutable<PlanOwner> => {
    const ownerKey = element?.id ?? `${UNASSIGNED}:${key}`;
    const existing = owners.get(ownerKey);
    if (existing) return existing;
    const context = contexts.get(key)!;
    // One scope per context for types and module files: names are unique ignoring case.
    const name: DerivedName = element ? scopes.get(key)!.claim(element, ownerSuffixes) : UNASSIGNED_NAME;
    if (element) warnings.push(...nameWarning(element, name, 'aggregate or external system'));
    const keyField = (element?.kind === 'aggregate' && baseKey(element.keyField)) || `${name.camel}Id`;
    const owner: Mutable<PlanOwner> = {
      element,
      context,
      name,
      keyField,
      events: [],
      commands: [],
      eventsTopic: undefined,
      stateTopic: undefined,
    };
    owners.set(ownerKey, owner);
    (context.owners as PlanOwner[]).push(owner);
    return owner;
  };

  // Aggregates and systems first, so their names win over events and commands with the same name.
  for (const element of sorted) if (isOwner(element)) ownerFor(element, contextKey(element));

  const events = new Map<string, PlanEvent>();
  const commands = new Map<string, PlanCommand>();
  for (const element of sorted) {
    if (!isEvent(element) && !isCommand(element)) continue;
    const producer = isEvent(element) ? eventOwner.get(element.id) : commandOwner.get(element.id);
    // An event belongs to its producer's context: that context owns the topic it travels on.
    const key = producer ? contextKey(producer) : contextKey(element);
    const owner = ownerFor(producer, key);
    const name = scopes.get(key)!.claim(element, ['', 'Schema', 'Type']);
    warnings.push(...nameWarning(element, name, isEvent(element) ? 'event or command' : 'command or event'));
    const properties = resolvePayload(element, byId, warnings);
    if (isEvent(element)) {
      const typeSegments = [
        'com',
        options.org,
        owner.context.segment,
        ...(owner.element ? [owner.name.kebab] : []),
      ];
      const event: PlanEvent = {
        element,
        owner,
        name,
        cloudEventType: `${typeSegments.join('.')}.${name.pascal}.v1`,
        properties,
      };
      (owner.events as PlanEvent[]).push(event);
      events.set(element.id, event);
    } else {
      const command: PlanCommand = { element, owner, name, properties };
      (owner.commands as PlanCommand[]).push(command);
      commands.set(element.id, command);
    }
  }

  for (const element of sorted) {
    if (element.kind !== 'policy') continue;
    const key = contextKey(element);
    const context = contexts.get(key)!;
    const name = scopes.get(key)!.claim(element, ['']);
    const triggers = links
      .sources(element.id, isEvent)
      .map((event) => events.get(event.id)!)
      .sort((a, b) => byTimeline(a.element, b.element));
    const issued = links
      .targets(element.id, isCommand)
      .map((command) => commands.get(command.id)!)
      .sort((a, b) => byTimeline(a.element, b.element));
    (context.policies as PlanPolicy[]).push({
      element,
      context,
      name,
      groupId: `${options.org}.${context.segment}.${name.kebab}`,
      triggers,
      commands: issued,
    });
  }

  for (const element of sorted) {
    if (element.kind !== 'readModel') continue;
    const feeds = links
      .sources(element.id, isEvent)
      .map((event) => events.get(event.id)!)
      .sort((a, b) => byTimeline(a.element, b.element));
    // A read model nothing feeds has nothing to project; the lint reports it.
    if (feeds.length === 0) continue;
    // Outside every frame, a read model belongs to the context of the first event that feeds it.
    const key = contexts.has(contextKey(element))
      ? contextKey(element)
      : contextKey(feeds[0]!.owner.element ?? feeds[0]!.element);
    const context = contexts.get(key)!;
    const name = scopes.get(key)!.claim(element, ['', 'View']);
    (context.readModels as PlanReadModel[]).push({
      element,
      context,
      name,
      groupId: `${options.org}.${context.segment}.${name.kebab}`,
      feeds,
    });
  }

  const topics: TopicDefinition[] = [];
  for (const owner of owners.values()) {
    if (!owner.element || owner.events.length === 0) continue;
    if (owner.element.kind === 'externalSystem')
      owner.keyField = sharedIdField(owner.events) ?? owner.keyField;
    const { events: eventsTopic, state } = topicsForOwner(
      owner.element,
      owner.context,
      owner.name,
      owner.keyField,
      options,
    );
    owner.eventsTopic = eventsTopic;
    owner.stateTopic = state;
    topics.push(eventsTopic, ...(state ? [state] : []));
    for (const event of owner.events) {
      if (!event.properties.some((property) => property.key === owner.keyField)) {
        warnings.push({
          code: 'key-field-missing',
          severity: 'info',
          source: 'export',
          elementIds: [event.element.id, owner.element.id],
          message: `${quoted(event.element.text)} has no "${owner.keyField}" field; the ${owner.name.pascal} id travels only in the Kafka key and the CloudEvents subject.`,
        });
      }
    }
  }
  for (const context of contexts.values()) {
    const consumes = [
      ...context.policies.flatMap((p) => p.triggers),
      ...context.readModels.flatMap((r) => r.feeds),
    ];
    if (!consumes.some((event) => event.owner.eventsTopic)) continue;
    context.deadLetterTopic = deadLetterTopic(context, options);
    topics.push(context.deadLetterTopic);
  }
  const sortedContexts = [...contexts.values()].sort((a, b) => (a.name.kebab < b.name.kebab ? -1 : 1));
  for (const context of sortedContexts) {
    (context.owners as PlanOwner[]).sort((a, b) => (a.name.kebab < b.name.kebab ? -1 : 1));
  }
  return {
    options,
    contexts: sortedContexts,
    topics: topics.sort((a, b) => (a.name < b.name ? -1 : 1)),
    warnings: warnings.sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.code.localeCompare(b.code) ||
        (a.elementIds[0] ?? '').localeCompare(b.elementIds[0] ?? '') ||
        a.message.localeCompare(b.message),
    ),
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** An aggregate's key field as people typed it (`Payment ID`), as a camelCase key (`paymentId`). */
function baseKey(keyField: string): string {
  if (!keyField.trim()) return '';
  return new NameScope().claim({ id: 'key', kind: 'field', text: keyField, codeName: '' }).camel;
}

/**
 * An external system has no key field of its own: key its topic by an id every one of its events
 * requires (a sensor's events by `containerId`), so they stay in order per that id.
 */
function sharedIdField(events: readonly PlanEvent[]): string | undefined {
  const [first, ...rest] = events;
  return first?.properties
    .filter((property) => property.required && /Id$/.test(property.key))
    .map((property) => property.key)
    .find((key) => rest.every((event) => event.properties.some((p) => p.key === key && p.required)));
}
