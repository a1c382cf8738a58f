/**
 * Payload fields of events and commands. A field type is a small tree: scalars, enums,
 * arrays of a type, nested objects, or a reference to another element's payload.
 */
export const SCALAR_FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date-time', 'uuid'] as const;
export type ScalarFieldType = (typeof SCALAR_FIELD_TYPES)[number];

export type FieldType =
  | { readonly kind: ScalarFieldType }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly items: FieldType }
  | { readonly kind: 'object'; readonly fields: readonly NestedField[] }
  /** The payload of another element (an event, a command or a read model), by element id. */
  | { readonly kind: 'ref'; readonly elementId: string };

export type FieldTypeKind = FieldType['kind'];
export const FIELD_TYPE_KINDS: readonly FieldTypeKind[] = [
  ...SCALAR_FIELD_TYPES,
  'enum',
  'array',
  'object',
  'ref',
];

/** A field inside a nested object type. */
export interface NestedField {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description?: string;
}

/** A top-level payload field of an event or command; the id keeps it stable across renames and reorders. */
export interface PayloadField extends NestedField {
  readonly id: string;
}

/** Deepest nesting a field type may have; keeps hostile documents from recursing without end. */
export const MAX_FIELD_TYPE_DEPTH = 8;
