import { isPrototypeMemberName, type PayloadProperty, type PayloadType } from './payload.ts';
import { tsDoc, tsString } from './source-text.ts';

/**
 * RFC 3339 date-time with seconds and an offset. Both zod and the JSON Schema apply it, so they accept
 * exactly the same strings (their `format` checks differ at the edges, e.g. a space instead of `T`).
 */
export const DATE_TIME_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$';
/** 8-4-4-4-12 hex digits, any version: what `z.guid()` accepts (ajv's `uuid` format also allows `urn:uuid:`). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export function propertyDoc(property: PayloadProperty): string[] {
  const lines: string[] = [];
  if (property.description) lines.push(property.description);
  if (property.originalName) lines.push(`Board field: "${property.originalName}".`);
  if (property.type.kind === 'uuid') lines.push('UUID.');
  if (property.type.kind === 'date-time') lines.push('RFC 3339 date-time, e.g. `2024-05-01T09:30:00Z`.');
  if (property.type.kind === 'integer') lines.push('Integer.');
  if (property.type.kind === 'object' && property.type.refTitle)
    lines.push(`Payload of "${property.type.refTitle}".`);
  if (property.type.kind === 'open' && property.type.note)
    lines.push(`Any JSON object: the board field ${property.type.note}.`);
  return lines;
}

/** The TypeScript type of a payload type; objects span lines at `indent`. */
export function tsType(type: PayloadType, indent: string): string {
  switch (type.kind) {
    case 'string':
    case 'uuid':
    case 'date-time':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return type.values.map(tsString).join(' | ');
    case 'array':
      return `Array<${tsType(type.items, indent)}>`;
    case 'object':
      return type.properties.length === 0
        ? 'Record<string, never>'
        : `{\n${tsMembers(type.properties, `${indent}  `)}${indent}}`;
    case 'open':
      return 'Record<string, unknown>';
  }
}

/** Interface members; optional members also admit `undefined`, as zod's inferred types do. */
export function tsMembers(properties: readonly PayloadProperty[], indent: string): string {
  return properties
    .map((property) => {
      const type = tsType(property.type, indent);
      const member = property.required ? `${property.key}: ${type}` : `${property.key}?: ${type} | undefined`;
      return `${tsDoc(propertyDoc(property), indent)}${indent}${member};\n`;
    })
    .join('');
}

/** The zod 4 schema of a payload type, equivalent to its JSON Schema. */
export function zodType(type: PayloadType, indent: string): string {
  switch (type.kind) {
    case 'string':
      return 'z.string()';
    case 'uuid':
      return 'z.guid()';
    case 'date-time':
      return 'dateTimeSchema()';
    case 'number':
      return 'z.number()';
    case 'integer':
      return 'z.int()';
    case 'boolean':
      return 'z.boolean()';
    case 'enum':
      return `z.enum([${type.values.map(tsString).join(', ')}])`;
    case 'array':
      return `z.array(${zodType(type.items, indent)})`;
    case 'object':
      return zodObject(type.properties, indent);
    case 'open':
      return 'z.record(z.string(), z.unknown())';
  }
}

/**
 * A zod strict object. One with a field named like an `Object.prototype` member (`constructor`,
 * `toString`) validates an own-properties copy (`ownProperties`, in the envelope module): zod reads
 * `input[key]`, which would find the inherited member of an object without that field.
 */
export function zodObject(properties: readonly PayloadProperty[], indent: string): string {
  if (properties.length === 0) return 'z.strictObject({})';
  const inner = `${indent}  `;
  const members = properties
    .map((property) => {
      const schema = zodType(property.type, inner);
      return `${inner}${property.key}: ${property.required ? schema : `${schema}.optional()`},\n`;
    })
    .join('');
  const object = `z.strictObject({\n${members}${indent}})`;
  return properties.some((property) => isPrototypeMemberName(property.key))
    ? `ownProperties(${object})`
    : object;
}
