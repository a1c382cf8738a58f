import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExportFile, exportBoard, exportServices } from '../../src/index.ts';
import { EXAMPLES, REPO_ROOT, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';

const run = promisify(execFile);
const dir = scratchDir('services');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Source text without comments and string literals: what must be ASCII identifiers and punctuation. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/\/\/.*$/gm, '');
}

function tests(files: readonly ExportFile[]): number {
  return files
    .filter((file) => file.path.endsWith('.test.ts'))
    .reduce((sum, file) => sum + (file.contents.match(/^test\(/gm) ?? []).length, 0);
}

async function tap(
  cwd: string,
  args: string[],
  command = process.execPath,
): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, stdout };
  }
}

describe('services export', () => {
  it('compiles with tsc --strict and passes its own generated tests, for the examples and random boards', async () => {
    const labels: string[] = [];
    let expected = 0;
    const add = (label: string, files: readonly ExportFile[]) => {
      writeFiles(join(dir, label), files);
      labels.push(label);
      // The runtime's tests are the same for every board: run them once.
      expected += tests(
        labels.length === 1 ? files : files.filter((f) => !f.path.startsWith('services/runtime/')),
      );
    };
    for (const example of EXAMPLES) {
      const { board, name } = readExample(example);
      add(example, exportServices(board, { boardName: name, org: 'acme' }).files);
    }
    const boards = fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 6 });
    for (const [i, board] of boards.entries()) {
      const files = exportServices(board).files;
      if (files.some((file) => file.path.startsWith('services/'))) add(`random-${i}`, files);
    }
    expect(labels.length).toBeGreaterThanOrEqual(5);

    // One tsc run over every board, with the options the export itself sets (services/tsconfig.base.json).
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: `./${EXAMPLES[0]}/services/tsconfig.base.json`,
        include: labels.map((label) => `${label}/services/**/*.ts`),
      }),
    );
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    const tsc = await tap(
      dir,
      ['-p', 'tsconfig.json', '--pretty', 'false'],
      join(REPO_ROOT, 'node_modules', '.bin', 'tsc'),
    );
    expect(tsc.stdout.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
    expect(tsc.code).toBe(0);

    // Every generated test file in one process (node's test runner, through tsx): quicker than one each.
    const testFiles = labels.flatMap((label, i) =>
      exportFilesOf(join(dir, label)).filter((path) => i === 0 || !path.includes('/services/runtime/')),
    );
    writeFileSync(join(dir, 'all.test.ts'), testFiles.map((path) => `import './${path}';\n`).join(''));
    const result = await tap(dir, ['--import', 'tsx', 'all.test.ts']);
    expect(result.stdout.match(/^not ok .*$/gm) ?? []).toEqual([]);
    expect(result.stdout).toMatch(new RegExp(`^# pass ${expected}$`, 'm'));
    expect(result.code).toBe(0);
  }, 300_000);

  it("runs the banking saga end to end through the in-process bus with the system package's own npm test", async () => {
    const system = join(dir, 'saga');
    const { board, name } = readExample('banking-payments');
    writeFiles(system, exportServices(board, { boardName: name, org: 'acme' }).files);
    const result = await tap(join(system, 'services', 'system'), [
      '--import',
      'tsx',
      '--test',
      'test/saga.test.ts',
    ]);
    expect(result.code).toBe(0);
    const saga = /^ok \d+ - (Request Payment → .*)$/m.exec(result.stdout)?.[1];
    expect(saga).toContain(
      'Request Payment → Payment Requested → (check for fraud) Check Payment → Fraud Suspected → (raise an alert) Raise Alert → Alert Raised',
    );
    expect(saga).toContain('(notify by SMS, e-mail or push) Send Notification → Customer Notified');
    const test = readFileSync(join(system, 'services', 'system', 'test', 'saga.test.ts'), 'utf8');
    expect(test).toContain("'com.acme.fraud-detection.fraud-check.FraudSuspected.v1'");
  }, 120_000);

  it('gives ASCII identifiers and file names for Korean stickies, keeping the text in comments', () => {
    const { board, name } = readExample('container-shipping');
    const files = exportServices(board, { boardName: name }).files.filter((f) =>
      f.path.startsWith('services/'),
    );
    for (const file of files) expect(file.path).toMatch(/^[a-zA-Z0-9./-]+$/);
    const sources = files.filter((file) => file.path.endsWith('.ts'));
    for (const file of sources) expect(code(file.contents), file.path).toMatch(/^[\t\n\r\x20-\x7e]*$/);
    expect(sources.some((file) => file.contents.includes('주문'))).toBe(true);
    expect(files.map((f) => f.path)).toContain(
      'services/keonteineo-gwanli-service/src/aggregates/container/decide.ts',
    );
  });

  it('defines a dead-letter topic per consuming context in the topic export', () => {
    const { board, name } = readExample('banking-payments');
    const topics = JSON.parse(
      exportBoard(board, { boardName: name, org: 'acme' }).files.find((f) => f.path === 'topics/topics.json')!
        .contents,
    ) as { topics: Array<{ name: string; kind: string; config: Record<string, string> }> };
    const deadLetters = topics.topics
      .filter((topic) => topic.kind === 'dead-letter')
      .map((topic) => topic.name);
    expect(deadLetters).toEqual([
      'acme.fraud-detection.dead-letter',
      'acme.notifications.dead-letter',
      'acme.payments.dead-letter',
    ]);
    const service = exportServices(board, { org: 'acme' }).files.find(
      (f) => f.path === 'services/payments-service/src/service.ts',
    )!;
    expect(service.contents).toContain("export const DEAD_LETTER_TOPIC = 'acme.payments.dead-letter';");
  });

  it('marks the files developers fill in as theirs, and only those', () => {
    const { board } = readExample('banking-payments');
    const files = exportServices(board).files;
    const owned = files
      .filter((f) => f.developerOwned)
      .map((f) => f.path.replace(/^services\/payments-service\//, ''));
    expect(owned).toEqual(
      expect.arrayContaining([
        'src/aggregates/payment/decide.ts',
        'src/aggregates/payment/evolve.ts',
        'src/aggregates/payment/state.ts',
        'src/policies/block-suspicious-payments/react.ts',
        'src/read-models/payment-status/project.ts',
        'test/service.test.ts',
      ]),
    );
    for (const file of files.filter((f) =>
      /\/(handler|types|service|routes|contracts|main)\.ts$/.test(f.path),
    )) {
      expect(file.developerOwned, file.path).toBeUndefined();
    }
    const evolve = files.find(
      (f) => f.path === 'services/payments-service/src/aggregates/payment/evolve.ts',
    )!;
    expect(evolve.developerOwned?.covers).toEqual([
      'event PaymentRequested',
      'event PaymentCompleted',
      'event PaymentBlocked',
    ]);
  });
});

/** The `.test.ts` files under an export folder, relative to the scratch folder. */
function exportFilesOf(root: string): string[] {
  const base = root.slice(dir.length + 1);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => `${base}/${path}`)
    .sort();
}
