import type { ExportFile } from './export-file.ts';
import { eventPayloadSchema, type JsonSchema, type JsonValue, payloadTypeSchema } from './json-schema.ts';
import { boardFileName, codeNameFromWords, nameWords } from './names.ts';
import type { ExportPlan, PlanContext, PlanEvent, PlanOwner, PlanPolicy } from './plan.ts';
import { oneLine } from './source-text.ts';
import type { TopicDefinition } from './topic-settings.ts';
import { toYaml } from './yaml-text.ts';

/** Kafka bindings version the AsyncAPI parser accepts (0.3.0–0.5.0). */
export const KAFKA_BINDING_VERSION = '0.5.0';
export const ASYNCAPI_VERSION = '3.0.0';

type Doc = { [key: string]: JsonValue };

/** `acme.payments.payment.events` → `paymentsPaymentEvents`: channel ids stay unique because topics are. */
function channelId(topic: TopicDefinition): string {
  return codeNameFromWords(nameWords(topic.name.split('.').slice(1).join(' ')).words).camel;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The Kafka key schema: the aggregate id field's schema when the events agree on it, else a string. */
function keySchema(owner: PlanOwner): JsonSchema {
  const types = new Set<string>();
  let schema: JsonSchema = { type: 'string' };
  for (const event of owner.events) {
    const property = event.properties.find((p) => p.key === owner.keyField);
    if (!property) continue;
    schema = payloadTypeSchema(property.type);
    types.add(JSON.stringify(schema));
  }
  const description = `The ${owner.name.pascal} id (\`${owner.keyField}\`).`;
  return types.size === 1 ? { description, ...schema } : { description, type: 'string' };
}

/** CloudEvents binary mode: the attributes travel as `ce_*` Kafka headers. */
function cloudEventHeaders(event: PlanEvent): JsonSchema {
  const text = { type: 'string', minLength: 1 };
  return {
    type: 'object',
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: text,
      ce_source: text,
      ce_type: { type: 'string', const: event.cloudEventType },
      ce_subject: text,
      ce_partitionkey: text,
      ce_time: { type: 'string', format: 'date-time' },
      'content-type': { type: 'string', const: 'application/json' },
    },
    required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type'],
  };
}

function message(event: PlanEvent, key: JsonSchema): Doc {
  const text = oneLine(event.element.text);
  return {
    name: event.name.pascal,
    title: text || event.name.pascal,
    summary: `${text || event.name.pascal} (CloudEvents type ${event.cloudEventType})`,
    contentType: 'application/json',
    headers: cloudEventHeaders(event),
    payload: eventPayloadSchema(event),
    bindings: { kafka: { key, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function channelBindings(topic: TopicDefinition): Doc {
  const configuration: Doc = { 'cleanup.policy': [topic.config['cleanup.policy'] ?? 'delete'] };
  for (const [key, value] of Object.entries(topic.config)) {
    if (key !== 'cleanup.policy') configuration[key] = Number(value);
  }
  return {
    kafka: {
      partitions: topic.partitions,
      replicas: topic.replicationFactor,
      topicConfiguration: configuration,
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

/** Builds one AsyncAPI document for the given contexts: what they send and what their policies receive. */
function asyncApiDocument(
  plan: ExportPlan,
  contexts: readonly PlanContext[],
  title: string,
): Doc | undefined {
  const inScope = new Set(contexts);
  const sent = contexts.flatMap((context) => context.owners).filter((owner) => owner.eventsTopic);
  const received: Array<{ policy: PlanPolicy; owner: PlanOwner; events: PlanEvent[] }> = [];
  for (const policy of contexts.flatMap((context) => context.policies)) {
    const byOwner = new Map<PlanOwner, PlanEvent[]>();
    for (const event of policy.triggers) {
      if (!event.owner.eventsTopic) continue;
      byOwner.set(event.owner, [...(byOwner.get(event.owner) ?? []), event]);
    }
    for (const [owner, events] of byOwner) received.push({ policy, owner, events });
  }
  const channelOwners = [...new Set([...sent, ...received.map((r) => r.owner)])];
  if (channelOwners.length === 0) return undefined;

  // Message ids are unique in a document; an event received from another context with a name already used
  // gets its context's name in front.
  const messageIds = new Map<PlanEvent, string>();
  const usedIds = new Set<string>();
  const ordered = [...channelOwners].sort(
    (a, b) => Number(!inScope.has(a.context)) - Number(!inScope.has(b.context)),
  );
  for (const owner of ordered) {
    for (const event of owner.events) {
      let id = event.name.pascal;
      if (usedIds.has(id.toLowerCase())) id = `${owner.context.name.pascal}${id}`;
      for (let n = 2; usedIds.has(id.toLowerCase()); n++)
        id = `${owner.context.name.pascal}${event.name.pascal}${n}`;
      usedIds.add(id.toLowerCase());
      messageIds.set(event, id);
    }
  }

  const channels: Doc = {};
  const messages: Doc = {};
  const operations: Doc = {};
  for (const owner of channelOwners.sort((a, b) => (a.eventsTopic!.name < b.eventsTopic!.name ? -1 : 1))) {
    const topic = owner.eventsTopic!;
    const id = channelId(topic);
    const key = keySchema(owner);
    const channelMessages: Doc = {};
    for (const event of owner.events) {
      const messageId = messageIds.get(event)!;
      channelMessages[messageId] = { $ref: `#/components/messages/${messageId}` };
      messages[messageId] = message(event, key);
    }
    channels[id] = {
      address: topic.name,
      title: `Events of ${owner.name.pascal}`,
      description: `Events of "${oneLine(owner.element?.text ?? '')}" in ${owner.context.element ? `"${oneLine(owner.context.element.text)}"` : 'no bounded context'}, keyed by \`${owner.keyField}\` so each ${owner.name.pascal}'s events stay in order.`,
      messages: channelMessages,
      bindings: channelBindings(topic),
    };
    if (inScope.has(owner.context)) {
      operations[`send${upperFirst(id)}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `${owner.name.pascal} publishes its events.`,
        messages: owner.events.map((event) => ({
          $ref: `#/channels/${id}/messages/${messageIds.get(event)}`,
        })),
      };
    }
  }
  for (const { policy, owner, events } of received) {
    const id = channelId(owner.eventsTopic!);
    // Policies are named per context: in a board-wide document two contexts may both have a "Notify".
    let operationId = `receive${upperFirst(id)}For${policy.name.pascal}`;
    if (operationId in operations)
      operationId = `receive${upperFirst(id)}For${policy.context.name.pascal}${policy.name.pascal}`;
    for (let n = 2; operationId in operations; n++)
      operationId = `receive${upperFirst(id)}For${policy.name.pascal}${n}`;
    operations[operationId] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: `Policy "${oneLine(policy.element.text)}" reacts to ${events.map((e) => e.name.pascal).join(', ')}.`,
      messages: events.map((event) => ({ $ref: `#/channels/${id}/messages/${messageIds.get(event)}` })),
      bindings: {
        kafka: { groupId: { type: 'string', enum: [policy.groupId] }, bindingVersion: KAFKA_BINDING_VERSION },
      },
    };
  }
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title,
      version: plan.options.version,
      description: `Generated by Squall from the board "${plan.options.boardName}". Events are CloudEvents 1.0 in binary mode: attributes in \`ce_*\` headers, the payload as the record value, the aggregate id as the record key.`,
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: plan.options.kafkaHost,
        protocol: 'kafka',
        description: `Kafka cluster (${plan.options.profile} profile).`,
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function asyncApiPath(name: string): string {
  return `asyncapi/${name}.asyncapi.yaml`;
}

/** AsyncAPI 3.0.0 with Kafka bindings, one document per bounded context (or one for the board). */
export function renderAsyncApi(plan: ExportPlan): ExportFile[] {
  if (plan.options.asyncApiScope === 'board') {
    const doc = asyncApiDocument(plan, plan.contexts, `${plan.options.boardName} events`);
    const name = boardFileName(plan.options.boardName);
    return doc ? [{ path: asyncApiPath(name), contents: toYaml(doc) }] : [];
  }
  const files: ExportFile[] = [];
  for (const context of plan.contexts) {
    const title = `${context.element ? oneLine(context.element.text) : 'Outside every bounded context'} events`;
    const doc = asyncApiDocument(plan, [context], title);
    if (doc) files.push({ path: asyncApiPath(context.name.kebab), contents: toYaml(doc) });
  }
  return files;
}
