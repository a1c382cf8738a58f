import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  boardFileFromSnapshot,
  exportBoard,
  type JsonSchema,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  parseBoardFile,
  serializeBoardFile,
} from '../../src/index.ts';
import { scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoardOf } from './helpers/random-board.ts';
import { brokenVariants, sampleFor } from './helpers/samples.ts';
import { typeCheck } from './helpers/tsc.ts';

const dir = scratchDir('long-texts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Words of the scripts workshops write in; emoji include a flag and a ZWJ sequence. */
const SCRIPTS = {
  latin:
    'Customer requested refund after parcel arrived damaged Überweisung storniert Zahlung übermittelt'.split(
      ' ',
    ),
  hangul: '고객이 파손된 소포를 받은 후 환불을 요청했고 결제 요청됨 주문 접수됨'.split(' '),
  emoji: ['🚀', '📦', '💳', '✅', '🇰🇷', '👩‍💻', '🔥🔥'],
};
const ALL_WORDS = [...SCRIPTS.latin, ...SCRIPTS.hangul, ...SCRIPTS.emoji];

/**
 * Text of up to `max` UTF-16 units (what the board file limits), in one script or mixed, with or
 * without spaces (a sentence without spaces is one very long word), never ending in half an emoji.
 */
function longText(max: number): fc.Arbitrary<string> {
  return fc
    .record({
      words: fc.oneof(
        fc.constant(SCRIPTS.latin),
        fc.constant(SCRIPTS.hangul),
        fc.constant(SCRIPTS.emoji),
        fc.constant(ALL_WORDS),
      ),
      separator: fc.constantFrom(' ', ' ', ''),
      length: fc.oneof(fc.constant(max), fc.integer({ min: 1, max })),
      offset: fc.nat(20),
    })
    .map(({ words, separator, length, offset }) => {
      const parts: string[] = [];
      let size = 0;
      for (let i = offset; size < length; i++) {
        const word = words[i % words.length]!;
        parts.push(word);
        size += word.length + separator.length;
      }
      const text = parts.join(separator).slice(0, length);
      return (/[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text) || words[0]!;
    });
}

const randomLongBoard = randomBoardOf({
  text: longText(MAX_TEXT_LENGTH),
  codeName: longText(MAX_NAME_LENGTH),
  fieldName: longText(MAX_NAME_LENGTH),
  payloadFieldName: longText(MAX_NAME_LENGTH),
});

const boards = fc.sample(randomLongBoard, { seed: RANDOM_SEED, numRuns: 6 });
const exports = boards.map((board) => exportBoard(board, { org: 'acme' }));

describe('random boards with texts up to the 10,000-character limit (Latin, Hangul, emoji)', () => {
  it('hold texts up to the limits of the board file format, not beyond', () => {
    let longest = 0;
    for (const board of boards) {
      const parsed = parseBoardFile(serializeBoardFile(boardFileFromSnapshot(board, 'Long texts')));
      // Random boards may hold what only a live board has (an enum without values); no text is too long.
      const tooLong = parsed.ok ? [] : parsed.errors.filter((error) => /characters long/.test(error.message));
      expect(tooLong).toEqual([]);
      for (const element of board.elements) longest = Math.max(longest, element.text.length);
    }
    expect(longest).toBe(MAX_TEXT_LENGTH);
  });

  it('export with short file names and topic names, the full text in descriptions', () => {
    let shortened = 0;
    for (const [i, result] of exports.entries()) {
      for (const file of result.files) {
        for (const segment of file.path.split('/'))
          expect(segment.length, file.path).toBeLessThanOrEqual(100);
      }
      const topics = JSON.parse(result.files.find((f) => f.path === 'topics/topics.json')!.contents) as {
        topics: Array<{ name: string }>;
      };
      for (const { name } of topics.topics) expect(name.length, name).toBeLessThanOrEqual(249);
      shortened += result.warnings.filter((warning) => warning.code === 'long-name').length;
      const descriptions = new Set(
        result.files
          .filter((file) => file.path.startsWith('jsonschema/'))
          .map((file) => (JSON.parse(file.contents) as JsonSchema).description),
      );
      for (const element of boards[i]!.elements) {
        if (element.kind !== 'domainEvent' || element.text.trim() === '') continue;
        expect(descriptions.has(element.text.trim().replace(/\s+/g, ' ')), element.id).toBe(true);
      }
    }
    expect(shortened).toBeGreaterThan(10);
  });

  it('compile with tsc', async () => {
    exports.forEach((result, i) => {
      writeFiles(join(dir, `tsc-${i}`), result.files);
    });
    expect((await typeCheck(dir)).errors).toEqual([]);
  }, 180_000);

  it('validate with ajv and the generated zod validators alike', async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true, ownProperties: true });
    addFormats(ajv);
    let checked = 0;
    for (const [i, result] of exports.entries()) {
      writeFiles(join(dir, `run-${i}`), result.files);
      for (const file of result.files) {
        const match = /^jsonschema\/([^/]+)\/([^/]+)\/[^/]+\.v1\.schema\.json$/.exec(file.path);
        if (!match) continue;
        const schema = JSON.parse(file.contents) as JsonSchema;
        const module = (await import(
          pathToFileURL(join(dir, `run-${i}`, 'typescript', match[1]!, `${match[2]}.ts`)).href
        )) as Record<string, ZodType>;
        const zod = module[`${String(schema.title)}Schema`]!;
        const validate = ajv.compile(schema);
        const sample = sampleFor(schema);
        expect([validate(sample), zod.safeParse(sample).success], file.path).toEqual([true, true]);
        for (const [what, broken] of brokenVariants(schema, sample as Record<string, unknown>)) {
          expect([validate(broken), zod.safeParse(broken).success], `${file.path}: ${what}`).toEqual([
            false,
            false,
          ]);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 120_000);

  it('pass the AsyncAPI parser without errors', async () => {
    const parser = new Parser();
    let documents = 0;
    for (const result of exports) {
      for (const file of result.files.filter((f) => f.path.startsWith('asyncapi/'))) {
        const errors = (await parser.validate(file.contents)).filter((d) => d.severity === 0);
        expect(
          errors.map((d) => `${d.code}: ${d.message}`),
          file.path,
        ).toEqual([]);
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(3);
  }, 180_000);
});
