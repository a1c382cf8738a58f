import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBoard } from '../../src/index.ts';
import { EXAMPLES, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';
import { typeCheck } from './helpers/tsc.ts';

const dir = scratchDir('tsc');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated TypeScript compiles with tsc --strict (TypeScript 7)', () => {
  it('for the example boards and 25 random boards, and a hand-edited interface fails the zod sync check', async () => {
    for (const example of EXAMPLES) {
      const { board, name } = readExample(example);
      writeFiles(join(dir, example), exportBoard(board, { boardName: name, org: 'acme' }).files);
    }
    const boards = fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 25 });
    boards.forEach((board, i) => {
      writeFiles(join(dir, `random-${i}`), exportBoard(board).files);
    });

    // The same board again, with one interface edited by hand: only the sync checks may fail.
    const { board, name } = readExample('banking-payments');
    writeFiles(join(dir, 'drifted'), exportBoard(board, { boardName: name, org: 'acme' }).files);
    const edited = join(dir, 'drifted', 'typescript', 'payments', 'payment.ts');
    const source = readFileSync(edited, 'utf8');
    writeFileSync(
      edited,
      source.replace(
        'export interface PaymentRequested {\n',
        'export interface PaymentRequested {\n  addedByHand: string;\n',
      ),
    );

    const outcome = await typeCheck(dir);
    const elsewhere = outcome.errors.filter((line) => !line.startsWith('drifted/'));
    expect(elsewhere).toEqual([]);
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const line of outcome.errors) {
      expect(line).toMatch(
        /^drifted\/typescript\/payments\/payment\.ts\(\d+,\d+\): error TS1360: Type 'true' does not satisfy the expected type 'false'/,
      );
    }
  }, 120_000);
});
