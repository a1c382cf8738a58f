import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import schemaV1 from '../../schema/board-file.v1.schema.json' with { type: 'json' };
import schemaV2 from '../../schema/board-file.v2.schema.json' with { type: 'json' };
import { migrateBoardDoc } from '../doc/migrate.ts';
import { connectElements, createElement } from '../doc/write.ts';
import { ELEMENT_KINDS } from '../kinds.ts';
import { boardFileFromDoc, serializeBoardFile } from './format.ts';
import { parseBoardFile } from './parse.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateV1 = ajv.compile(schemaV1);
const validateV2 = ajv.compile(schemaV2);
/** What `parseBoardFile` reads: a file of either version. */
const validate = Object.assign((value: unknown) => validateV2(value) || validateV1(value), {
  get errors() {
    return validateV2.errors;
  },
});

function exampleFile(): unknown {
  const doc = new Y.Doc();
  migrateBoardDoc(doc, 'test');
  const ids = ELEMENT_KINDS.map((kind, index) =>
    createElement(
      doc,
      {
        kind,
        text: `${kind} ${index}`,
        position: { x: index * 200, y: 0 },
        fields: [{ name: 'id', type: { kind: 'enum', values: ['a'] }, required: true }],
        topic: { partitions: 3 },
      },
      'test',
    ),
  );
  connectElements(doc, { source: ids[1]!, target: ids[3]! }, 'test');
  createElement(
    doc,
    { kind: 'domainEvent', text: 'Pivotal', position: { x: 0, y: 400 }, pivotal: true },
    'test',
  );
  return JSON.parse(serializeBoardFile(boardFileFromDoc(doc, 'Every kind')));
}

/** A JSON value with one random leaf changed, removed or added somewhere in it. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const index = path[0]! % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const [key, child] = entries[index]!;
  if (replacement === undefined && path.length === 1) {
    if (Array.isArray(copy)) copy.splice(index, 1);
    else delete (copy as Record<string, unknown>)[key];
    return copy;
  }
  (copy as Record<string, unknown>)[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe('board file JSON Schema', () => {
  it('accepts what Squall writes (version 2: every kind, a swimlane, a pivotal event)', () => {
    const file = exampleFile() as { version: number; elements: Array<{ kind: string; pivotal?: boolean }> };
    expect(file.version).toBe(2);
    expect(file.elements.some((element) => element.kind === 'swimlane')).toBe(true);
    expect(file.elements.some((element) => element.pivotal === true)).toBe(true);
    expect(validateV2(file), JSON.stringify(validateV2.errors)).toBe(true);
    expect(validateV1(file)).toBe(false);
  });

  it('agrees with parseBoardFile on thousands of mutated files (the parser adds only cross-reference checks)', () => {
    const file = exampleFile();
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 5 }),
      fc.double(),
      fc.string({ maxLength: 3 }),
      fc.constantFrom('domainEvent', 'enum', 'V', '', 'x0', '00'),
      fc.boolean(),
      fc.constant({}),
      fc.constant([]),
    );
    const crossReference = /duplicate id|no element has id|connects an element to itself|duplicate field id/;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), replacement, (path, value) => {
        const candidate = mutate(file, path, value);
        const parsed = parseBoardFile(candidate);
        const schemaOk = validate(candidate);
        if (!schemaOk) refused++;
        if (parsed.ok) {
          expect(
            schemaOk,
            `parser accepted what the schema refuses: ${JSON.stringify(validate.errors?.[0])}`,
          ).toBe(true);
        } else if (schemaOk) {
          for (const error of parsed.errors) expect(error.message).toMatch(crossReference);
        }
      }),
      { seed: 20261125, numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(500);
    // 3,000 files through the parser and two schemas: seconds on a loaded machine, not a speed check.
  }, 60_000);
});
