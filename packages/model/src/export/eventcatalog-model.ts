import { eventPayloadSchema } from './json-schema.ts';
import type { ExportPlan, PlanContext, PlanEvent } from './plan.ts';
import { oneLine } from './source-text.ts';
import type { TopicDefinition } from './topic-settings.ts';

/**
 * The board as an EventCatalog: a domain per bounded context holding one service (the context's
 * service, as the services exporter names it), the events with their JSON Schemas, a channel per
 * events topic, producers (`sends`) from aggregates' arrows and consumers (`receives`) from policies'.
 * Plain data in the shapes `@eventcatalog/sdk` writes; the CLI hands it to the SDK.
 */
export interface CatalogPointer {
  readonly id: string;
  readonly version: string;
}

interface CatalogResource {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly summary: string;
  readonly owners: readonly string[];
  readonly markdown: string;
}

export interface CatalogDomain extends CatalogResource {
  readonly services: readonly CatalogPointer[];
}

export interface CatalogService extends CatalogResource {
  readonly sends: readonly CatalogPointer[];
  readonly receives: readonly CatalogPointer[];
}

export interface CatalogChannel extends CatalogResource {
  readonly address: string;
  readonly protocols: readonly string[];
}

export interface CatalogEvent extends CatalogResource {
  readonly channels: readonly CatalogPointer[];
  readonly schemaPath: string;
  /** The event's payload JSON Schema (what `jsonschema/…` holds), serialised. */
  readonly schema: string;
}

export interface EventCatalogModel {
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly summary: string;
    readonly markdown: string;
  };
  readonly domains: readonly CatalogDomain[];
  readonly services: readonly CatalogService[];
  readonly channels: readonly CatalogChannel[];
  readonly events: readonly CatalogEvent[];
}

export const CATALOG_SCHEMA_FILE = 'schema.json';

/** `<context>.<Event>`: event names are unique within a context, so this is unique in the catalog. */
export function catalogEventId(event: PlanEvent): string {
  return `${event.owner.context.name.kebab}.${event.name.pascal}`;
}

export function catalogServiceId(context: PlanContext): string {
  return `${context.name.kebab}-service`;
}

const contextTitle = (context: PlanContext) => oneLine(context.element?.text ?? '') || context.name.pascal;

function fieldsTable(event: PlanEvent): string {
  if (event.properties.length === 0) return 'This event carries no payload fields.\n';
  const rows = event.properties.map(
    (p) =>
      `| \`${p.key}\` | ${p.type.kind} | ${p.required ? 'yes' : 'no'} | ${oneLine(p.description ?? '').replace(/\|/g, '\\|')} |`,
  );
  return ['| field | type | required | description |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function topicText(topic: TopicDefinition): string {
  const config = Object.entries(topic.config)
    .map(([key, value]) => `\`${key}=${value}\``)
    .join(', ');
  return `Kafka topic \`${topic.name}\`: ${topic.partitions} partitions, replication factor ${topic.replicationFactor}, keyed by \`${topic.keyField}\`; ${config}.`;
}

export function eventCatalogModel(plan: ExportPlan): EventCatalogModel {
  const { version } = plan.options;
  const owners = [plan.options.org];
  const pointer = (id: string): CatalogPointer => ({ id, version });
  const consumers = new Map<PlanEvent, string[]>();
  for (const context of plan.contexts) {
    for (const policy of context.policies) {
      for (const event of policy.triggers) {
        consumers.set(event, [
          ...(consumers.get(event) ?? []),
          `${contextTitle(context)} (policy "${oneLine(policy.element.text)}")`,
        ]);
      }
    }
  }

  const domains: CatalogDomain[] = [];
  const services: CatalogService[] = [];
  const channels: CatalogChannel[] = [];
  const events: CatalogEvent[] = [];
  for (const context of plan.contexts) {
    const title = contextTitle(context);
    const own = context.owners.flatMap((owner) => owner.events);
    const published = own.filter((event) => event.owner.eventsTopic);
    const received = [...new Set(context.policies.flatMap((policy) => policy.triggers))];
    const serviceId = catalogServiceId(context);
    if (own.length === 0 && received.length === 0) continue;
    domains.push({
      id: context.name.kebab,
      name: title,
      version,
      summary: `The ${title} bounded context of the board "${plan.options.boardName}".`,
      owners,
      markdown: `Bounded context **${title}** on the Event Storming board "${plan.options.boardName}", exported by Squall. Its service publishes ${published.length} event type${published.length === 1 ? '' : 's'} and reacts to ${received.length}.\n`,
      services: [pointer(serviceId)],
    });
    services.push({
      id: serviceId,
      name: `${title} service`,
      version,
      summary: `Publishes the events of ${title}${received.length ? ' and runs its policies' : ''}.`,
      owners,
      markdown: [
        `The service of the bounded context **${title}**.`,
        '',
        ...context.owners
          .filter((owner) => owner.element && owner.events.length > 0)
          .map(
            (owner) =>
              `- aggregate **${owner.name.pascal}**: ${owner.events.map((e) => e.name.pascal).join(', ')}`,
          ),
        ...context.policies.map(
          (policy) =>
            `- policy **${oneLine(policy.element.text) || policy.name.pascal}** (consumer group \`${policy.groupId}\`): when ${policy.triggers.map((e) => e.name.pascal).join(' or ') || 'nothing yet'}`,
        ),
        '',
      ].join('\n'),
      sends: published.map((event) => pointer(catalogEventId(event))),
      receives: received.map((event) => pointer(catalogEventId(event))),
    });
    for (const owner of context.owners) {
      const topic = owner.eventsTopic;
      if (!topic || owner.events.length === 0) continue;
      channels.push({
        id: topic.name,
        name: topic.name,
        version,
        summary: `The events of ${owner.name.pascal} in ${title}, keyed by ${topic.keyField}.`,
        owners,
        markdown: `${topicText(topic)}\n\nEvents are CloudEvents 1.0 in binary mode: attributes in \`ce_*\` headers, the payload as the record value.\n`,
        address: topic.name,
        protocols: ['kafka'],
      });
    }
    for (const event of own) {
      const text = oneLine(event.element.text) || event.name.pascal;
      const topic = event.owner.eventsTopic;
      const readers = consumers.get(event) ?? [];
      events.push({
        id: catalogEventId(event),
        name: event.name.pascal,
        version,
        summary: text,
        owners,
        markdown: [
          `**${text}**: CloudEvents type \`${event.cloudEventType}\`.`,
          '',
          topic ? topicText(topic) : 'No aggregate produces this event yet: it travels on no topic.',
          '',
          fieldsTable(event),
          readers.length ? `Consumed by ${readers.join(', ')}.\n` : 'No policy reacts to it yet.\n',
        ].join('\n'),
        channels: topic ? [pointer(topic.name)] : [],
        schemaPath: CATALOG_SCHEMA_FILE,
        schema: `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...eventPayloadSchema(event) }, null, 2)}\n`,
      });
    }
  }
  return {
    team: {
      id: plan.options.org,
      name: plan.options.org,
      summary: `The team that owns the board "${plan.options.boardName}".`,
      markdown: `Owners of the contracts Squall exported from "${plan.options.boardName}".\n`,
    },
    domains,
    services,
    channels,
    events,
  };
}
