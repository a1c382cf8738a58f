import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventCatalogFiles } from '../../src/cli/eventcatalog.ts';
import { boardFileFromSnapshot, exportBoard, serializeBoardFile } from '../../src/index.ts';
import { EXAMPLES, MODEL_ROOT, REPO_ROOT, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';

const dir = scratchDir('eventcatalog');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(MODEL_ROOT, 'bin', 'squall.mjs');
const LINTER = join(REPO_ROOT, 'node_modules', '.bin', 'eventcatalog-linter');

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The real `@eventcatalog/linter` (frontmatter, references, best practices), warnings as failures. */
const lint = (catalog: string) => run(LINTER, ['--fail-on-warning', catalog]);

/** The YAML frontmatter of an EventCatalog `.mdx` file. */
function frontmatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${path} has no frontmatter`);
  return parse(match[1]!) as Record<string, unknown>;
}

describe('squall export --only eventcatalog', { timeout: 120_000 }, () => {
  it.each(EXAMPLES)(
    '%s: an EventCatalog project the linter passes, mapped from the board',
    async (example) => {
      const board = join(MODEL_ROOT, 'examples', `${example}.squall.json`);
      const out = join(dir, example);
      const result = await run(process.execPath, [
        BIN,
        'export',
        board,
        '--out',
        out,
        '--only',
        'eventcatalog',
        '--org',
        'acme',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const catalog = join(out, 'eventcatalog');
      const linted = await lint(catalog);
      expect([linted.code, linted.stdout], linted.stderr).toEqual([
        0,
        expect.stringContaining('No problems found'),
      ]);
      expect(existsSync(join(out, 'typescript'))).toBe(false);
      expect(existsSync(join(catalog, 'eventcatalog.config.js'))).toBe(true);

      // Domains from bounded contexts, a service each, events with their JSON Schemas, channels from topics.
      const { board: snapshot, name } = readExample(example);
      const contracts = exportBoard(snapshot, { boardName: name, org: 'acme' }).files;
      const topics = (
        JSON.parse(contracts.find((f) => f.path === 'topics/topics.json')!.contents) as {
          topics: Array<{ name: string; kind: string }>;
        }
      ).topics.filter((topic) => topic.kind === 'events');
      for (const topic of topics) {
        expect(frontmatter(join(catalog, 'channels', topic.name, 'index.mdx'))).toMatchObject({
          id: topic.name,
          address: topic.name,
          protocols: ['kafka'],
        });
      }
      const schemas = contracts.filter((f) => f.path.startsWith('jsonschema/'));
      const eventDirs = readdirSync(join(catalog, 'events'));
      expect(eventDirs.length).toBe(schemas.length);
      for (const eventDir of eventDirs) {
        const meta = frontmatter(join(catalog, 'events', eventDir, 'index.mdx'));
        expect(meta).toMatchObject({
          id: eventDir,
          version: '1.0.0',
          schemaPath: 'schema.json',
          owners: ['acme'],
        });
        const schema = JSON.parse(readFileSync(join(catalog, 'events', eventDir, 'schema.json'), 'utf8'));
        const exported = schemas
          .map((f) => JSON.parse(f.contents))
          .find((s) => s.title === schema.title && s.description === schema.description);
        expect(exported, eventDir).toBeDefined();
        expect(schema.properties).toEqual(exported.properties);
      }
    },
  );

  it('producers and consumers come from the connections: the fraud service receives PaymentRequested', async () => {
    const service = frontmatter(
      join(dir, 'banking-payments', 'eventcatalog', 'services', 'fraud-service', 'index.mdx'),
    );
    expect(service.receives).toEqual([{ id: 'payments.PaymentRequested', version: '1.0.0' }]);
    expect(service.sends).toEqual(expect.arrayContaining([{ id: 'fraud.FraudSuspected', version: '1.0.0' }]));
    const domain = frontmatter(
      join(dir, 'banking-payments', 'eventcatalog', 'domains', 'fraud', 'index.mdx'),
    );
    expect(domain.services).toEqual([{ id: 'fraud-service', version: '1.0.0' }]);
  });

  it('the linter is a real check: a dangling reference fails it', async () => {
    const catalog = join(dir, 'banking-payments', 'eventcatalog');
    const path = join(catalog, 'services', 'fraud-service', 'index.mdx');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('payments.PaymentRequested', 'payments.NoSuchEvent'),
    );
    const linted = await lint(catalog);
    expect(linted.code).not.toBe(0);
    expect(linted.stdout + linted.stderr).toContain('payments.NoSuchEvent');
  });

  it('random boards (hostile sticky text) give catalogs the linter passes', async () => {
    const boards = fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 3 });
    let checked = 0;
    for (const [index, board] of boards.entries()) {
      const files = await eventCatalogFiles(board, { boardName: `Random ${index}`, version: '2.3.0' });
      const out = join(dir, `random-${index}`);
      writeFiles(out, files);
      // The board file next to it, to reproduce a failure with the CLI.
      writeFileSync(
        join(out, 'board.squall.json'),
        serializeBoardFile(boardFileFromSnapshot(board, `Random ${index}`)),
      );
      if (!files.some((file) => file.path.startsWith('eventcatalog/events/'))) continue;
      const linted = await lint(join(out, 'eventcatalog'));
      expect([index, linted.code, linted.stdout]).toEqual([
        index,
        0,
        expect.stringContaining('No problems found'),
      ]);
      expect(files.find((f) => f.path.endsWith('/index.mdx'))!.contents).toContain('version: 2.3.0');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
