import type { ExportFile } from './export-file.ts';
import type { PayloadProperty, PayloadType } from './payload.ts';
import type { ExportPlan, PlanEvent } from './plan.ts';
import { oneLine } from './source-text.ts';
import { DATE_TIME_PATTERN, UUID_PATTERN } from './typescript-payload.ts';

/** A JSON Schema as plain JSON data. */
export type JsonSchema = { readonly [key: string]: JsonValue };
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Only keywords that mean the same in draft-07 and 2020-12 (`type`, `properties`, `required`,
 * `additionalProperties`, `items` with one schema, `enum`, `format`, `pattern`), so the same schema
 * works in AsyncAPI payloads, which are a draft-07 superset.
 */
export function payloadTypeSchema(type: PayloadType): JsonSchema {
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'uuid':
      return { type: 'string', format: 'uuid', pattern: UUID_PATTERN };
    case 'date-time':
      return { type: 'string', format: 'date-time', pattern: DATE_TIME_PATTERN };
    case 'number':
    case 'integer':
    case 'boolean':
      return { type: type.kind };
    case 'enum':
      return { type: 'string', enum: [...type.values] };
    case 'array':
      return { type: 'array', items: payloadTypeSchema(type.items) };
    case 'object':
      return objectSchema(type.properties, type.refTitle ? `Payload of "${type.refTitle}".` : undefined);
    case 'open':
      return { type: 'object' };
  }
}

export function objectSchema(properties: readonly PayloadProperty[], description?: string): JsonSchema {
  const required = properties.filter((property) => property.required).map((property) => property.key);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: Object.fromEntries(
      properties.map((property) => {
        const { description: typeNote, ...schema } = payloadTypeSchema(property.type);
        const notes = [
          property.description,
          property.originalName && `Board field: "${property.originalName}".`,
          typeof typeNote === 'string' ? typeNote : undefined,
        ].filter(Boolean);
        return [property.key, notes.length ? { description: notes.join(' '), ...schema } : schema];
      }),
    ),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

/** The schema of an event's payload (the CloudEvents `data`), with the sticky's text as its description. */
export function eventPayloadSchema(event: PlanEvent): JsonSchema {
  const schema = objectSchema(event.properties);
  return {
    title: event.name.pascal,
    description: oneLine(event.element.text) || event.name.pascal,
    ...schema,
  };
}

export function jsonSchemaPath(event: PlanEvent): string {
  return `jsonschema/${event.owner.context.name.kebab}/${event.owner.name.kebab}/${event.name.kebab}.v1.schema.json`;
}

/** One JSON Schema (2020-12) file per event payload. */
export function renderJsonSchemas(plan: ExportPlan): ExportFile[] {
  const files: ExportFile[] = [];
  for (const context of plan.contexts) {
    for (const owner of context.owners) {
      for (const event of owner.events) {
        const schema = {
          $schema: JSON_SCHEMA_DIALECT,
          $id: `urn:squall:schema:${event.cloudEventType}`,
          // JSON Schema has no version keyword; a comment is ignored by every validator.
          $comment: `contract version ${plan.options.version}`,
          ...eventPayloadSchema(event),
        };
        files.push({ path: jsonSchemaPath(event), contents: `${JSON.stringify(schema, null, 2)}\n` });
      }
    }
  }
  return files;
}
