import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  type BoardElement,
  type BoardSnapshot,
  boardFileFromSnapshot,
  exportBoard,
  exportDownload,
  type JsonSchema,
  type PayloadField,
  parseBoardFile,
  serializeBoardFile,
} from '../../src/index.ts';
import { scratchDir, writeFiles } from './helpers/boards.ts';
import { typeCheck } from './helpers/tsc.ts';

const dir = scratchDir('hostile');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG_EVENT =
  'Customer requested a refund after the parcel arrived damaged and the courier confirmed the damage on the delivery note, so the support agent escalated the case to the claims team who approved the refund within two working days and notified the customer by e-mail and SMS with the reference number';

const box = (x: number, y: number, width: number, height: number) => ({
  position: { x, y },
  size: { width, height },
  z: 'V',
});

/** A frame holding one aggregate that produces one event with `fields`; texts as given. */
function oneEventBoard(texts: { context: string; aggregate: string; event: string }, fields: PayloadField[]) {
  const elements: BoardElement[] = [
    {
      id: 'ctx-1',
      kind: 'boundedContext',
      text: texts.context,
      codeName: '',
      topicPrefix: '',
      topic: {},
      ...box(0, 0, 3000, 2000),
    },
    {
      id: 'agg-1',
      kind: 'aggregate',
      text: texts.aggregate,
      codeName: '',
      keyField: '',
      topic: { stateTopic: true },
      ...box(100, 100, 200, 200),
    },
    { id: 'evt-1', kind: 'domainEvent', text: texts.event, codeName: '', fields, ...box(400, 100, 140, 140) },
  ];
  const board: BoardSnapshot = {
    schemaVersion: 1,
    level: 'design',
    elements,
    connections: [{ id: 'c1', source: 'agg-1', target: 'evt-1' }],
  };
  return board;
}

async function asyncApiErrors(text: string): Promise<string[]> {
  const diagnostics = await new Parser().validate(text);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message}`);
}

describe('long sticky texts', { timeout: 60_000 }, () => {
  const board = oneEventBoard(
    { context: LONG_EVENT.slice(0, 250), aggregate: LONG_EVENT.slice(20, 290), event: LONG_EVENT },
    [{ id: 'f1', name: LONG_EVENT.slice(0, 200), type: { kind: 'string' }, required: true }],
  );
  const result = exportBoard(board, { boardName: LONG_EVENT.slice(0, 200), asyncApiScope: 'board' });
  const services = exportBoard(board, { boardName: LONG_EVENT.slice(0, 200), only: ['services'] });

  it('give file names of at most 100 characters (services too), cut at a word boundary plus a short hash', () => {
    expect(result.files.length).toBeGreaterThan(10);
    expect(services.files.filter((file) => file.path.startsWith('services/')).length).toBeGreaterThan(10);
    for (const file of [...result.files, ...services.files]) {
      for (const segment of file.path.split('/')) expect(segment.length, file.path).toBeLessThanOrEqual(100);
    }
    const schema = result.files.find((file) => file.path.startsWith('jsonschema/'))!.path;
    expect(schema).toMatch(
      /^jsonschema\/customer-requested-a-refund-after-the-parcel-arrived-[0-9a-z]{6}\/refund-after-the-parcel-arrived-damaged-and-the-[0-9a-z]{6}\/customer-requested-a-refund-after-the-parcel-arrived-[0-9a-z]{6}\.v1\.schema\.json$/,
    );
    expect(result.files.filter((file) => file.path.startsWith('asyncapi/')).map((file) => file.path)).toEqual(
      [
        expect.stringMatching(
          /^asyncapi\/customer-requested-a-refund-after-the-parcel-arrived-[0-9a-z]{6}\.asyncapi\.yaml$/,
        ),
      ],
    );
  });

  it('give topic names within Kafka limits, readable identifiers, and keep the full text in descriptions', () => {
    const topics = JSON.parse(result.files.find((f) => f.path === 'topics/topics.json')!.contents) as {
      topics: Array<{ name: string }>;
    };
    expect(topics.topics.length).toBe(2);
    for (const { name } of topics.topics) {
      expect(name.length).toBeLessThanOrEqual(249);
      expect(name).toMatch(/^[a-z0-9.-]+$/);
    }
    const schemaFile = result.files.find((file) => file.path.startsWith('jsonschema/'))!;
    const schema = JSON.parse(schemaFile.contents) as JsonSchema & {
      properties: Record<string, { description: string }>;
    };
    expect(schema.description).toBe(LONG_EVENT);
    expect(String(schema.title)).toMatch(
      /^CustomerRequestedARefundAfterTheParcelArrived[0-9A-Z][0-9a-z]{5}$/,
    );
    const [key] = Object.keys(schema.properties);
    expect(key!.length).toBeLessThanOrEqual(60);
    expect(schema.properties[key!]!.description).toBe(`Board field: "${LONG_EVENT.slice(0, 200)}".`);
    const module = result.files.find(
      (file) => /^typescript\/[^/]+\/[^/]+\.ts$/.test(file.path) && !file.path.endsWith('index.ts'),
    )!;
    expect(module.contents).toContain(LONG_EVENT);
  });

  it('are reported by the lint with the names the export uses', () => {
    const longNames = result.warnings.filter((warning) => warning.code === 'long-name');
    expect(longNames.map((warning) => warning.elementIds[0])).toEqual(['agg-1', 'ctx-1', 'evt-1', 'evt-1']);
    const title = JSON.parse(
      result.files.find((file) => file.path.startsWith('jsonschema/'))!.contents,
    ).title;
    expect(longNames.some((warning) => warning.message.includes(`the export names it ${title} (`))).toBe(
      true,
    );
    expect(result.ok).toBe(true);
  });

  it('compile with tsc and pass the AsyncAPI parser', async () => {
    writeFiles(join(dir, 'long'), result.files);
    expect((await typeCheck(join(dir, 'long'))).errors).toEqual([]);
    const asyncapi = result.files.filter((file) => file.path.startsWith('asyncapi/'));
    expect(asyncapi).toHaveLength(1);
    expect(await asyncApiErrors(asyncapi[0]!.contents)).toEqual([]);
  });

  it('give short download names in the web zip and the export API (both use exportDownload)', () => {
    const boardName = `${'Quarterly planning workshop of the payments tribe '.repeat(4)}`.slice(0, 200);
    const download = exportDownload(exportBoard(board, { boardName }), 'zip', boardName)!;
    expect(download.fileName.length).toBeLessThanOrEqual(100);
    expect(download.fileName).toMatch(
      /^quarterly-planning-workshop-of-the-payments-tribe-[0-9a-z]{6}-contracts\.zip$/,
    );
    const entries = Object.keys(unzipSync(download.body));
    for (const entry of entries) {
      for (const segment of entry.split('/')) expect(segment.length, entry).toBeLessThanOrEqual(100);
    }
    const single = exportDownload(exportBoard(board, { boardName }), 'jsonschema', boardName)!;
    expect(single.fileName.length).toBeLessThanOrEqual(100);
  });

  it('options that would make names too long are refused, naming the option', () => {
    expect(() => exportBoard(board, { org: 'acme '.repeat(20) })).toThrow(
      /^export option org must be at most 60 characters as a topic segment; "acme acme .*" is 99$/,
    );
    expect(() => exportBoard(board, { strimziCluster: 'c'.repeat(64) })).toThrow(
      'export option strimziCluster must be at most 63 characters',
    );
    expect(exportBoard(board, { org: 'a'.repeat(60) }).ok).toBe(true);
  });
});

/** Every own property name of Object.prototype: constructor, toString, __proto__, … */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('payload fields named like Object.prototype members', { timeout: 90_000 }, () => {
  // Each name twice: as a required field of one event and an optional field of another.
  const required = PROTOTYPE_NAMES.map(
    (name, i): PayloadField => ({
      id: `r${i}`,
      name,
      type: { kind: 'string' },
      required: true,
    }),
  );
  const optional = PROTOTYPE_NAMES.map(
    (name, i): PayloadField => ({
      id: `o${i}`,
      name,
      type: { kind: 'string' },
      required: false,
    }),
  );
  const simple = oneEventBoard(
    { context: 'Objects', aggregate: 'Prototype', event: 'Required Set' },
    required,
  );
  const board: BoardSnapshot = {
    ...simple,
    elements: [
      ...simple.elements,
      {
        id: 'evt-2',
        kind: 'domainEvent',
        text: 'Optional Set',
        codeName: '',
        fields: [
          ...optional,
          // Nested objects validate their own properties too.
          {
            id: 'nested',
            name: 'nested',
            type: { kind: 'object', fields: optional },
            required: false,
          },
        ],
        ...box(600, 100, 140, 140),
      },
    ],
    connections: [...simple.connections, { id: 'c2', source: 'agg-1', target: 'evt-2' }],
  };
  const result = exportBoard(board, { boardName: 'Prototype names' });
  const file = (path: string) => result.files.find((f) => f.path === path)!;
  const keys = (schema: JsonSchema) => Object.keys(schema.properties as object);

  it('stay ordinary fields: exported without warnings, keys as written (`__proto__` becomes `proto`)', () => {
    // (Only the hint that the events do not carry the aggregate id.)
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'key-field-missing',
      'key-field-missing',
    ]);
    const schema = JSON.parse(
      file('jsonschema/objects/prototype/required-set.v1.schema.json').contents,
    ) as JsonSchema;
    expect(keys(schema)).toHaveLength(PROTOTYPE_NAMES.length);
    expect(keys(schema)).toEqual(
      expect.arrayContaining([
        'constructor',
        'hasOwnProperty',
        'isPrototypeOf',
        'toLocaleString',
        'toString',
        'valueOf',
        'proto',
      ]),
    );
    expect(schema.required).toEqual(keys(schema));
    expect(file('README.md').contents).toContain("ajv's `ownProperties: true` option");
  });

  it('compile with tsc (the interfaces and the zod sync checks)', async () => {
    writeFiles(join(dir, 'prototype'), result.files);
    expect((await typeCheck(join(dir, 'prototype'))).errors).toEqual([]);
  });

  it('are optional or required as the board says, in zod and in JSON Schema (ajv, ownProperties)', async () => {
    writeFiles(join(dir, 'prototype-run'), result.files);
    const module = (await import(
      pathToFileURL(join(dir, 'prototype-run', 'typescript', 'objects', 'prototype.ts')).href
    )) as Record<string, ZodType>;
    const ajv = new Ajv2020({ strict: true, allErrors: true, ownProperties: true });
    addFormats(ajv);
    const contract = (event: string, title: string) => ({
      zod: module[`${title}Schema`]!,
      json: ajv.compile(JSON.parse(file(`jsonschema/objects/prototype/${event}.v1.schema.json`).contents)),
    });
    const requiredSet = contract('required-set', 'RequiredSet');
    const optionalSet = contract('optional-set', 'OptionalSet');
    const requiredKeys = keys(
      JSON.parse(file('jsonschema/objects/prototype/required-set.v1.schema.json').contents),
    );
    const both = (c: typeof requiredSet, value: unknown) => [c.zod.safeParse(value).success, c.json(value)];
    const all = Object.fromEntries(requiredKeys.map((key) => [key, 'x']));

    // Absent optional fields: accepted, at the top and nested; present ones too.
    expect(both(optionalSet, {})).toEqual([true, true]);
    expect(both(optionalSet, JSON.parse('{"nested": {}}'))).toEqual([true, true]);
    expect(both(optionalSet, { ...all, nested: all })).toEqual([true, true]);
    // Absent required fields: rejected, one at a time, with zod naming the missing field.
    expect(both(requiredSet, all)).toEqual([true, true]);
    for (const key of requiredKeys) {
      const { [key]: _missing, ...rest } = all;
      expect(both(requiredSet, rest), key).toEqual([false, false]);
      const issues = requiredSet.zod.safeParse(rest).error!.issues;
      expect(
        issues.map((issue) => [issue.path.join('.'), issue.message]),
        key,
      ).toEqual([[key, 'Invalid input: expected string, received undefined']]);
    }
    // Wrong types: rejected in both.
    for (const key of requiredKeys) {
      expect(both(optionalSet, { [key]: 42 }), key).toEqual([false, false]);
    }
    // Parsed output is an ordinary object.
    const parsed = optionalSet.zod.parse({ constructor: 'c' }) as object;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe('board texts at the file format limit round-trip through the parser', () => {
  it('a 10,000-character sticky is a valid board file and exports', () => {
    const text = '결제 요청됨 🚀 Zahlung '.repeat(600).slice(0, 10_000);
    const board = oneEventBoard({ context: text, aggregate: text, event: text }, []);
    const parsed = parseBoardFile(serializeBoardFile(boardFileFromSnapshot(board, 'Long')));
    expect(parsed.ok).toBe(true);
    const result = exportBoard(board);
    for (const file of result.files) {
      for (const segment of file.path.split('/')) expect(segment.length, file.path).toBeLessThanOrEqual(100);
    }
  });
});
