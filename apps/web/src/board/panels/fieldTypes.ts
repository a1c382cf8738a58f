import { type FieldType, type FieldTypeKind, SCALAR_FIELD_TYPES, type ScalarFieldType } from '@squall/model';

/** A field type made from the kind chosen in a menu, keeping what still fits from the previous type. */
export function fieldTypeOfKind(kind: FieldTypeKind, previous: FieldType): FieldType {
  if ((SCALAR_FIELD_TYPES as readonly string[]).includes(kind)) return { kind: kind as ScalarFieldType };
  switch (kind) {
    case 'enum':
      return { kind, values: previous.kind === 'enum' ? previous.values : [] };
    case 'array':
      return { kind, items: previous.kind === 'array' ? previous.items : { kind: 'string' } };
    case 'object':
      return { kind, fields: previous.kind === 'object' ? previous.fields : [] };
    default:
      return { kind: 'ref', elementId: previous.kind === 'ref' ? previous.elementId : '' };
  }
}

/** "a, b , c" → ["a", "b", "c"]; empty entries dropped, duplicates kept once. */
export function parseEnumValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}
