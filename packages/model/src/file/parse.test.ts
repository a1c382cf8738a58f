import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { terminalControls } from '../../test/export/helpers/terminal-controls.ts';
import { readBoard } from '../doc/read.ts';
import { connectElements, createElement } from '../doc/write.ts';
import { type BoardFile, boardFileFromDoc, serializeBoardFile, writeBoardContent } from './format.ts';
import { formatBoardFileErrors, parseBoardFile } from './parse.ts';

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  const o = 'test';
  const context = createElement(
    doc,
    {
      kind: 'boundedContext',
      text: 'Payments',
      position: { x: -50, y: -50 },
      size: { width: 1600, height: 700 },
      topicPrefix: 'pay',
      topic: { partitions: 6 },
    },
    o,
  );
  const actor = createElement(doc, { kind: 'actor', text: 'Customer', position: { x: 0, y: 0 } }, o);
  const command = createElement(
    doc,
    {
      kind: 'command',
      text: 'Request Payment',
      position: { x: 150, y: 0 },
      codeName: 'RequestPayment',
      fields: [
        { name: 'amount', type: { kind: 'number' }, required: true, description: 'In cents' },
        { name: 'currency', type: { kind: 'enum', values: ['EUR', 'KRW'] }, required: true },
      ],
    },
    o,
  );
  const aggregate = createElement(
    doc,
    {
      kind: 'aggregate',
      text: 'Payment',
      position: { x: 350, y: 0 },
      keyField: 'paymentId',
      topic: { retentionMs: -1, stateTopic: true },
    },
    o,
  );
  const event = createElement(
    doc,
    {
      kind: 'domainEvent',
      text: '결제 요청됨\nPayment Requested 💳',
      position: { x: 600, y: 0 },
      fields: [
        {
          name: 'lines',
          type: {
            kind: 'array',
            items: { kind: 'object', fields: [{ name: 'sku', type: { kind: 'string' }, required: true }] },
          },
          required: false,
        },
        { name: 'requestedBy', type: { kind: 'ref', elementId: command }, required: true },
        { name: 'at', type: { kind: 'date-time' }, required: true },
      ],
    },
    o,
  );
  const hotspot = createElement(
    doc,
    { kind: 'hotspot', text: 'Who refunds fees?', position: { x: 800, y: 300 } },
    o,
  );
  for (const [source, target] of [
    [actor, command],
    [command, aggregate],
    [aggregate, event],
  ] as const) {
    connectElements(doc, { source, target, label: source === actor ? 'decides' : '' }, o);
  }
  void context;
  void hotspot;
  return doc;
}

function validFile(): BoardFile {
  return boardFileFromDoc(sampleDoc(), 'Payments workshop');
}

/** A valid file as plain JSON with one change applied. */
function broken(
  change: (
    file: Record<string, unknown> & {
      elements: Record<string, unknown>[];
      connections: Record<string, unknown>[];
    },
  ) => void,
) {
  const file = JSON.parse(serializeBoardFile(validFile()));
  change(file);
  return JSON.stringify(file);
}

describe('board file round trip', () => {
  it('board → file → board is lossless', () => {
    const doc = sampleDoc();
    const text = serializeBoardFile(boardFileFromDoc(doc, 'Payments workshop'));
    const parsed = parseBoardFile(text);
    if (!parsed.ok) throw new Error(formatBoardFileErrors(parsed.errors));
    const copy = new Y.Doc();
    writeBoardContent(copy, parsed.file, 'import');
    expect(readBoard(copy)).toEqual(readBoard(doc));
    expect(serializeBoardFile(boardFileFromDoc(copy, 'Payments workshop'))).toBe(text);
  });

  it('reads a file given as bytes with a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${serializeBoardFile(validFile())}`);
    expect(parseBoardFile(bytes).ok).toBe(true);
  });
});

describe('parseBoardFile rejects malformed files precisely', () => {
  const cases: Array<[string, string | unknown, Array<{ path: string; message: RegExp }>]> = [
    ['not JSON', '{"format": "squall.board", ', [{ path: '', message: /not valid JSON/ }]],
    ['an array', '[]', [{ path: '', message: /must be a JSON object/ }]],
    ['another format', '{"format":"excalidraw"}', [{ path: '/format', message: /must be "squall.board"/ }]],
    [
      'a newer version',
      broken((f) => {
        f.version = 3;
      }),
      [{ path: '/version', message: /newer Squall/ }],
    ],
    [
      'a missing field',
      broken((f) => {
        delete f.elements[1]!.position;
      }),
      [{ path: '/elements/1/position', message: /is missing/ }],
    ],
    [
      'a bad type',
      broken((f) => {
        (f.elements[1]!.position as Record<string, unknown>).x = '12';
      }),
      [{ path: '/elements/1/position/x', message: /must be a number, not a string/ }],
    ],
    [
      'an unknown kind',
      broken((f) => {
        f.elements[2]!.kind = 'stickyNote';
      }),
      [{ path: '/elements/2/kind', message: /must be one of domainEvent/ }],
    ],
    [
      'a dangling connection',
      broken((f) => {
        f.connections[0]!.target = 'ghost';
      }),
      [{ path: '/connections/0/target', message: /no element has id "ghost"/ }],
    ],
    [
      'a duplicate element id',
      broken((f) => {
        // The hotspot: nothing connects to it, so the only problem is the duplicate.
        f.elements[5]!.id = f.elements[2]!.id;
      }),
      [{ path: '/elements/5/id', message: /duplicate id .* \(also \/elements\/2\)/ }],
    ],
    [
      'a duplicate connection id',
      broken((f) => {
        f.connections[1]!.id = f.connections[0]!.id;
      }),
      [{ path: '/connections/1/id', message: /duplicate id/ }],
    ],
    [
      'an unknown property',
      broken((f) => {
        f.elements[0]!.colour = 'red';
      }),
      [{ path: '/elements/0/colour', message: /unknown property "colour"/ }],
    ],
    [
      'a field type that does not exist',
      broken((f) => {
        const command = f.elements.find((e) => e.kind === 'command')!;
        (command.fields as Array<Record<string, unknown>>)[0]!.type = { kind: 'money' };
      }),
      [
        {
          path: /\/elements\/\d\/fields\/0\/type\/kind/ as unknown as string,
          message: /must be one of string/,
        },
      ],
    ],
    [
      'topic settings out of range',
      broken((f) => {
        const aggregate = f.elements.find((e) => e.kind === 'aggregate')!;
        aggregate.topic = { partitions: 0 };
      }),
      [{ path: /\/elements\/\d\/topic\/partitions/ as unknown as string, message: /whole number from 1/ }],
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    const result = parseBoardFile(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(expected.length);
    result.errors.forEach((error, index) => {
      const want = expected[index]!;
      if (typeof want.path === 'string') expect(error.path).toBe(want.path);
      else expect(error.path).toMatch(want.path as RegExp);
      expect(error.message).toMatch(want.message);
    });
  });

  it('lists several problems at once, each with its path', () => {
    const result = parseBoardFile(
      broken((f) => {
        f.name = 7;
        f.level = 'expert';
        (f.elements[0]!.size as Record<string, unknown>).width = -1;
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && formatBoardFileErrors(result.errors)).toBe(
      [
        '/name: must be a string, not number',
        '/level: must be one of bigPicture, process, design',
        '/elements/0/size/width: must be between 10 and 100000, not -1',
      ].join('\n'),
    );
  });

  it('refuses 50 MiB of garbage quickly with one clear error, in bytes and MiB', () => {
    const garbage = 'x'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const result = parseBoardFile(garbage);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message:
            'is 50 MiB (52,428,800 bytes); the largest board file accepted is 20 MiB (20,971,520 bytes)',
        },
      ],
    });
  });

  it('measures text in UTF-8 bytes, not UTF-16 units (the limit is a file size)', () => {
    // 7 MiB of Hangul is 7 Mi UTF-16 units but 21 MiB of UTF-8: over the limit.
    const hangul = '한'.repeat(7 * 1024 * 1024);
    const result = parseBoardFile(hangul);
    expect(!result.ok && result.errors[0]!.message).toBe(
      'is 21 MiB (22,020,096 bytes); the largest board file accepted is 20 MiB (20,971,520 bytes)',
    );
    // Exactly at the limit is accepted as far as size goes (then it is not JSON).
    const atLimit = parseBoardFile('é'.repeat(500), { maxBytes: 1000 });
    expect(!atLimit.ok && atLimit.errors[0]!.message).toMatch(/^is not valid JSON/);
    const over = parseBoardFile('é'.repeat(501), { maxBytes: 1000 });
    expect(!over.ok && over.errors[0]!.message).toBe(
      'is 1,002 bytes; the largest board file accepted is 1,000 bytes',
    );
  });

  it('refuses bytes over the limit before decoding them', () => {
    const bytes = new Uint8Array(52_400_000);
    const result = parseBoardFile(bytes);
    expect(!result.ok && result.errors[0]!.message).toBe(
      'is 50.0 MiB (52,400,000 bytes); the largest board file accepted is 20 MiB (20,971,520 bytes)',
    );
  });

  it('escapes control characters of the file in every error it quotes', () => {
    const broken = parseBoardFile('{"format": \u001b[31mred\u0007 }');
    const brokenText = !broken.ok && formatBoardFileErrors(broken.errors);
    expect(brokenText).toContain('is not valid JSON');
    expect(brokenText).toContain('\\u001b[31mred\\u0007');
    // biome-ignore lint/complexity/useLiteralKeys: the escapes are the point, kept readable
    const file = { ...validFile(), ['evil\u001b]0;pwned\u0007\u009b2J']: 1 } as unknown;
    const unknown = parseBoardFile(file);
    const unknownText = !unknown.ok && formatBoardFileErrors(unknown.errors);
    expect(unknownText).toBe(
      '/evil\\u001b]0;pwned\\u0007\\u009b2J: unknown property "evil\\u001b]0;pwned\\u0007\\u009b2J"',
    );
    for (const text of [brokenText, unknownText]) expect(terminalControls(String(text))).toEqual([]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const result = parseBoardFile('{\n  "format": "squall.board",\n  "version": 1,,\n}');
    expect(!result.ok && result.errors[0]!.message).toMatch(/line 3, column/);
  });

  it('stops at 50 errors instead of listing a million', () => {
    const file = validFile();
    const many = { ...file, elements: Array.from({ length: 10_000 }, () => ({ kind: 'actor' })) };
    const result = parseBoardFile(many);
    expect(!result.ok && result.errors.length).toBe(50);
  });

  it('refuses boards with too many elements', () => {
    const result = parseBoardFile({ ...validFile(), elements: new Array(10).fill(null) }, { maxElements: 5 });
    expect(!result.ok && result.errors[0]).toEqual({
      path: '/elements',
      message: 'has 10 elements; at most 5 are allowed',
    });
  });
});
