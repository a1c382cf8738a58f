import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { type ExportFile, exportBoard, type JsonSchema } from '../../src/index.ts';
import { EXAMPLES, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';
import { arbitraryFor, brokenVariants, sampleFor } from './helpers/samples.ts';

const dir = scratchDir('jsonschema');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface EventContract {
  readonly path: string;
  readonly schema: JsonSchema;
  readonly zod: ZodType;
}

/** Each event's JSON Schema next to the zod validator generated for it (imported from the written module). */
async function contracts(label: string, files: readonly ExportFile[]): Promise<EventContract[]> {
  writeFiles(join(dir, label), files);
  const found: EventContract[] = [];
  for (const file of files) {
    const match = /^jsonschema\/([^/]+)\/([^/]+)\/[^/]+\.v1\.schema\.json$/.exec(file.path);
    if (!match) continue;
    const schema = JSON.parse(file.contents) as JsonSchema;
    const module = (await import(
      pathToFileURL(join(dir, label, 'typescript', match[1]!, `${match[2]}.ts`)).href
    )) as Record<string, ZodType>;
    const zod = module[`${String(schema.title)}Schema`];
    if (!zod) throw new Error(`${file.path}: no ${String(schema.title)}Schema in the TypeScript module`);
    found.push({ path: file.path, schema, zod });
  }
  return found;
}

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const boards = [
  ...EXAMPLES.map((example) => {
    const { board, name } = readExample(example);
    return { label: example, board, files: exportBoard(board, { boardName: name }).files };
  }),
  ...fc
    .sample(randomBoard, { seed: RANDOM_SEED, numRuns: 12 })
    .map((board, i) => ({ label: `random-${i}`, board, files: exportBoard(board).files })),
];

describe('JSON Schemas (ajv 2020 + formats) and zod validators agree', () => {
  for (const { label, board, files } of boards) {
    it(`${label}: every schema compiles; samples pass both, broken events fail both`, async () => {
      const events = await contracts(label, files);
      expect(events.length).toBe(board.elements.filter((element) => element.kind === 'domainEvent').length);
      const ajv = newAjv();
      for (const { path, schema, zod } of events) {
        expect(schema.$schema, path).toBe('https://json-schema.org/draft/2020-12/schema');
        const validate = ajv.compile(schema);
        const sample = sampleFor(schema) as Record<string, unknown>;
        expect(validate(sample), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        expect(zod.safeParse(sample).success, path).toBe(true);
        for (const [what, broken] of brokenVariants(schema, sample)) {
          expect([validate(broken), zod.safeParse(broken).success], `${path}: ${what}`).toEqual([
            false,
            false,
          ]);
        }
        fc.assert(
          fc.property(arbitraryFor(schema), (payload) => {
            expect(
              [validate(payload), zod.safeParse(payload).success],
              `${path}: ${JSON.stringify(payload)}`,
            ).toEqual([true, true]);
          }),
          { seed: RANDOM_SEED, numRuns: 30 },
        );
      }
    }, 60_000);
  }
});
