import fc from 'fast-check';
import type { JsonSchema, JsonValue } from '../../../src/index.ts';

type Schema = JsonSchema;

const isSchema = (value: JsonValue | undefined): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function properties(schema: Schema): Array<[string, Schema]> {
  const props = schema.properties;
  return isSchema(props)
    ? Object.entries(props).filter((entry): entry is [string, Schema] => isSchema(entry[1]))
    : [];
}

function required(schema: Schema): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((v): v is string => typeof v === 'string')
    : [];
}

/** Random values that satisfy one of the exporter's JSON Schemas (its keyword subset only). */
export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') {
        return fc
          .date({
            min: new Date('1970-01-01T00:00:00Z'),
            max: new Date('2199-12-31T23:59:59Z'),
            noInvalidDate: true,
          })
          .map((date) => date.toISOString());
      }
      return fc.string({ maxLength: 12 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(isSchema(schema.items) ? arbitraryFor(schema.items) : fc.constant(null), {
        maxLength: 3,
      });
    case 'object': {
      const props = properties(schema);
      if (props.length === 0 && schema.additionalProperties !== false) {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 2 });
      }
      const record = Object.fromEntries(props.map(([key, value]) => [key, arbitraryFor(value)]));
      return fc.record(record, { requiredKeys: required(schema) });
    }
    default:
      throw new Error(`no sample for schema ${JSON.stringify(schema)}`);
  }
}

/** One valid value with every optional field present: deterministic, for readable failures. */
export function sampleFor(schema: Schema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return '6b1f2d4e-8a3c-4f5e-9d7a-0c1b2e3f4a5b';
      if (schema.format === 'date-time') return '2024-05-01T09:30:00.250+09:00';
      return 'text';
    case 'number':
      return 12.5;
    case 'integer':
      return 3;
    case 'boolean':
      return true;
    case 'array':
      return isSchema(schema.items) ? [sampleFor(schema.items)] : [];
    case 'object':
      return Object.fromEntries(properties(schema).map(([key, value]) => [key, sampleFor(value)]));
    default:
      throw new Error(`no sample for schema ${JSON.stringify(schema)}`);
  }
}

/** A value of the wrong JSON type for a schema. */
function wrongType(schema: Schema): unknown {
  return schema.type === 'string' ? 42 : 'wrong';
}

/** Ways to break a valid payload, each named: both validators must reject every one. */
export function brokenVariants(schema: Schema, sample: Record<string, unknown>): Array<[string, unknown]> {
  const variants: Array<[string, unknown]> = [
    ['extra property', { ...sample, notOnTheBoard: 1 }],
    ['not an object', []],
  ];
  for (const [key, prop] of properties(schema)) {
    if (required(schema).includes(key)) {
      const { [key]: _removed, ...rest } = sample;
      variants.push([`missing ${key}`, rest]);
    }
    variants.push([`${key} of the wrong type`, { ...sample, [key]: wrongType(prop) }]);
    if (Array.isArray(prop.enum))
      variants.push([`${key} not in the enum`, { ...sample, [key]: 'not-a-value' }]);
    if (prop.format === 'uuid') variants.push([`${key} not a uuid`, { ...sample, [key]: 'order-42' }]);
    if (prop.format === 'date-time') {
      variants.push([`${key} not a date-time`, { ...sample, [key]: 'yesterday' }]);
      variants.push([`${key} without offset`, { ...sample, [key]: '2024-05-01T09:30:00' }]);
      variants.push([`${key} on a day that does not exist`, { ...sample, [key]: '2023-02-30T09:30:00Z' }]);
    }
    if (prop.type === 'integer') variants.push([`${key} not whole`, { ...sample, [key]: 1.5 }]);
  }
  return variants;
}
