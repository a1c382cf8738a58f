import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import schemaV1 from '../../schema/board-file.v1.schema.json' with { type: 'json' };
import { readBoard } from '../doc/read.ts';
import { BOARD_FILE_VERSION, boardFileFromDoc, writeBoardContent } from './format.ts';
import { parseBoardFile } from './parse.ts';

const validateV1 = new Ajv2020({ allErrors: true, strict: true }).compile(schemaV1);
const example = (name: string) =>
  readFileSync(new URL(`../../examples/${name}.squall.json`, import.meta.url), 'utf8');

describe('board file version 1 → 2', () => {
  for (const name of ['banking-payments', 'container-shipping']) {
    it(`imports the version 1 example "${name}" unchanged`, () => {
      const text = example(name);
      const original = JSON.parse(text);
      expect(original.version).toBe(1);
      expect(validateV1(original), JSON.stringify(validateV1.errors)).toBe(true);
      const parsed = parseBoardFile(text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.fromVersion).toBe(1);
      expect(parsed.file.version).toBe(BOARD_FILE_VERSION);
      // Every element and connection as it was written: the upgrade changes no data.
      expect(parsed.file.elements).toEqual(original.elements);
      expect(parsed.file.connections).toEqual(original.connections);
      expect(parsed.file.name).toBe(original.name);
      expect(parsed.file.level).toBe(original.level);
    });
  }

  it('a version 1 file imported and downloaded again is that board as version 2, nothing lost', () => {
    const parsed = parseBoardFile(example('banking-payments'));
    if (!parsed.ok) throw new Error('example must parse');
    const doc = new Y.Doc();
    writeBoardContent(doc, parsed.file, 'test');
    const again = boardFileFromDoc(doc, parsed.file.name);
    expect(again.version).toBe(2);
    expect(again.elements).toEqual(parsed.file.elements);
    expect(again.connections).toEqual(parsed.file.connections);
    expect(readBoard(doc).elements.some((element) => element.kind === 'swimlane')).toBe(false);
  });

  it('refuses in a version 1 file what only version 2 has, saying so', () => {
    const file = JSON.parse(example('banking-payments'));
    const event = file.elements.findIndex((element: { kind: string }) => element.kind === 'domainEvent');
    file.elements[event].pivotal = true;
    file.elements.push({ ...file.elements[0], id: 'lane1', kind: 'swimlane' });
    for (const key of ['fields', 'keyField', 'topic', 'topicPrefix', 'pivotal'])
      delete file.elements.at(-1)[key];
    const parsed = parseBoardFile(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContainEqual({
      path: `/elements/${event}/pivotal`,
      message: 'unknown property "pivotal"',
    });
    expect(parsed.errors.find((error) => error.path.endsWith('/kind'))?.message).toMatch(
      /swimlanes need board file version 2/,
    );
    // The same content as version 2 is fine.
    file.version = 2;
    expect(parseBoardFile(file).ok).toBe(true);
  });

  it('keeps pivotal events and swimlanes through a version 2 round trip', () => {
    const doc = new Y.Doc();
    writeBoardContent(
      doc,
      {
        level: 'bigPicture',
        elements: [
          {
            id: 'lane',
            kind: 'swimlane',
            text: 'Customer',
            position: { x: 0, y: 0 },
            size: { width: 2000, height: 240 },
            z: 'A',
            codeName: '',
          },
          {
            id: 'e1',
            kind: 'domainEvent',
            text: 'Order Placed',
            position: { x: 40, y: 50 },
            size: { width: 140, height: 140 },
            z: 'B',
            codeName: '',
            fields: [],
            pivotal: true,
          },
        ],
        connections: [],
      },
      'test',
    );
    const parsed = parseBoardFile(JSON.stringify(boardFileFromDoc(doc, 'Lanes')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.fromVersion).toBe(2);
    expect(parsed.file.elements).toEqual(readBoard(doc).elements);
    expect(parsed.file.elements[1]).toMatchObject({ kind: 'domainEvent', pivotal: true });
  });
});
