import { describe, expect, it } from 'vitest';
import { fieldTypeOfKind, parseEnumValues } from './fieldTypes.ts';

describe('fieldTypeOfKind', () => {
  it('makes scalar and structured types', () => {
    expect(fieldTypeOfKind('uuid', { kind: 'string' })).toEqual({ kind: 'uuid' });
    expect(fieldTypeOfKind('enum', { kind: 'string' })).toEqual({ kind: 'enum', values: [] });
    expect(fieldTypeOfKind('array', { kind: 'string' })).toEqual({
      kind: 'array',
      items: { kind: 'string' },
    });
    expect(fieldTypeOfKind('ref', { kind: 'string' })).toEqual({ kind: 'ref', elementId: '' });
  });

  it('keeps enum values when the kind stays enum', () => {
    expect(fieldTypeOfKind('enum', { kind: 'enum', values: ['A'] })).toEqual({ kind: 'enum', values: ['A'] });
  });
});

describe('parseEnumValues', () => {
  it('splits, trims and drops empties and duplicates', () => {
    expect(parseEnumValues(' CARD, SEPA ,, CARD ')).toEqual(['CARD', 'SEPA']);
  });
});
