import type { PayloadProperty, PayloadType } from '../payload.ts';
import { tsString } from '../source-text.ts';

/** The fixed id of sample aggregates in generated tests (a UUID, so `uuid` key fields accept it). */
export const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';
export const SAMPLE_TIME = '2024-05-01T09:30:00Z';

/** Two payload types that accept the same values (descriptions and board names aside). */
function sameType(a: PayloadType, b: PayloadType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'enum': {
      const values = (b as typeof a).values;
      return a.values.length === values.length && a.values.every((value, i) => value === values[i]);
    }
    case 'array':
      return sameType(a.items, (b as typeof a).items);
    case 'object': {
      const other = (b as typeof a).properties;
      return (
        a.properties.length === other.length &&
        a.properties.every(
          (p, i) =>
            p.key === other[i]!.key && p.required === other[i]!.required && sameType(p.type, other[i]!.type),
        )
      );
    }
    default:
      return true;
  }
}

const isIdType = (type: PayloadType) => type.kind === 'string' || type.kind === 'uuid';

/**
 * An object literal without an optional property named like a member of `Object.prototype` does not
 * type-check (TypeScript compares the target's `toString?: T` with the literal's inherited `toString`),
 * so literals set such properties to `undefined`.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** How generated code gets values it cannot copy: scaffolds ask the context, tests use literals. */
export interface ValueSource {
  /** Code of the aggregate id (for the key field), e.g. `context.aggregateId`. */
  readonly id: string;
  readonly now: string;
  readonly newId: string;
  readonly text: string;
}

export const SCAFFOLD_VALUES: ValueSource = {
  id: 'context.aggregateId',
  now: 'context.now',
  newId: 'context.newId()',
  text: "''",
};

export const SAMPLE_VALUES: ValueSource = {
  id: tsString(SAMPLE_ID),
  now: tsString(SAMPLE_TIME),
  newId: tsString(SAMPLE_ID),
  text: tsString('example'),
};

/** Code of a value of `type`, valid against its zod schema. */
export function sampleValue(type: PayloadType, values: ValueSource, indent: string): string {
  switch (type.kind) {
    case 'string':
      return values.text;
    case 'uuid':
      return values.newId;
    case 'date-time':
      return values.now;
    case 'number':
    case 'integer':
      return '0';
    case 'boolean':
      return 'false';
    case 'enum':
      return tsString(type.values[0]!);
    case 'array':
      return '[]';
    case 'object':
      return objectCode(type.properties, [], values, indent, undefined).code;
    case 'open':
      return '{}';
  }
}

/** Where a copied value comes from: `command.data` and its properties. */
export interface ValueOrigin {
  readonly expression: string;
  readonly properties: readonly PayloadProperty[];
}

export interface ObjectCode {
  readonly code: string;
  /** Required keys filled with placeholder values (nothing on the board says where they come from). */
  readonly placeholders: readonly string[];
}

/**
 * An object literal for `target`: each property copied from the first origin with the same key and type,
 * the key field set to the aggregate id, the other required ones given placeholder values, the other
 * optional ones left out.
 */
export function objectCode(
  target: readonly PayloadProperty[],
  origins: readonly ValueOrigin[],
  values: ValueSource,
  indent: string,
  keyField: string | undefined,
): ObjectCode {
  if (target.length === 0) return { code: '{}', placeholders: [] };
  const inner = `${indent}  `;
  const placeholders: string[] = [];
  const members: string[] = [];
  for (const property of target) {
    if (property.key === keyField && isIdType(property.type)) {
      members.push(`${inner}${property.key}: ${values.id},\n`);
      continue;
    }
    let copied: string | undefined;
    for (const origin of origins) {
      const source = origin.properties.find((p) => p.key === property.key && sameType(p.type, property.type));
      if (!source) continue;
      const value = `${origin.expression}.${property.key}`;
      if (source.required || !property.required) copied = value;
      else copied = `${value} ?? ${sampleValue(property.type, values, inner)}`;
      break;
    }
    if (copied) members.push(`${inner}${property.key}: ${copied},\n`);
    else if (property.required) {
      placeholders.push(property.key);
      members.push(`${inner}${property.key}: ${sampleValue(property.type, values, inner)},\n`);
    } else if (PROTOTYPE_KEYS.has(property.key)) members.push(`${inner}${property.key}: undefined,\n`);
  }
  return { code: `{\n${members.join('')}${indent}}`, placeholders };
}

/** A sample payload with only the required properties, as a literal for generated tests. */
export function sampleObject(
  properties: readonly PayloadProperty[],
  indent: string,
  keyField?: string,
): string {
  return objectCode(properties, [], SAMPLE_VALUES, indent, keyField).code;
}
