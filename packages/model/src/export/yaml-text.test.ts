import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonValue } from './json-schema.ts';
import { toYaml } from './yaml-text.ts';

describe('toYaml', { timeout: 30_000 }, () => {
  it('writes readable block YAML with plain scalars where they are safe', () => {
    expect(
      toYaml({
        asyncapi: '3.0.0',
        channels: {
          orders: { address: 'acme.orders.events', messages: { $ref: '#/components/messages/A' } },
        },
        // `n` is a boolean to YAML 1.1 readers, so it is quoted.
        tags: ['delete', { name: 'x', n: -1 }, [], {}],
        flag: true,
        none: null,
        word: 'yes',
      }),
    ).toBe(
      [
        'asyncapi: "3.0.0"',
        'channels:',
        '  orders:',
        '    address: acme.orders.events',
        '    messages:',
        '      $ref: "#/components/messages/A"',
        'tags:',
        '  - delete',
        '  - name: x',
        '    "n": -1',
        '  - []',
        '  - {}',
        'flag: true',
        'none: null',
        'word: "yes"',
        '',
      ].join('\n'),
    );
  });

  it('reads back as the same data with a real YAML parser, for any JSON (fixed seed)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), (value) => {
        expect(parse(toYaml(value as { [key: string]: JsonValue }))).toEqual(
          // -0 has no YAML spelling distinct from 0 in JSON data terms.
          JSON.parse(JSON.stringify(value)),
        );
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
