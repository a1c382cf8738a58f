import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSourceUrl } from '../../src/cli/board-url.ts';
import { MODEL_ROOT, scratchDir } from '../export/helpers/boards.ts';

const dir = scratchDir('cli-diff');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(MODEL_ROOT, 'bin', 'squall.mjs');
const BANKING = join(MODEL_ROOT, 'examples', 'banking-payments.squall.json');

function squall(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

interface FileShape {
  elements: Array<{ id: string; fields?: Array<{ name: string; required: boolean }> }>;
}

/** The banking board changed by `edit`, written next to the tests. */
function variant(name: string, edit: (file: FileShape) => void): string {
  const file = JSON.parse(readFileSync(BANKING, 'utf8')) as FileShape;
  edit(file);
  const path = join(dir, `${name}.squall.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

const requested = (file: FileShape) => file.elements.find((e) => e.id === 'evt-payment-requested')!;

describe('squall diff (run as a process)', { timeout: 60_000 }, () => {
  const withoutAmount = variant('without-amount', (file) => {
    const event = requested(file);
    event.fields = event.fields!.filter((field) => field.name !== 'amount');
  });
  const withOptionalField = variant('with-optional', (file) => {
    requested(file).fields!.push({
      id: 'f-new',
      name: 'channel',
      type: { kind: 'string' },
      required: false,
    } as never);
  });

  it('exits 0 on the same board, with "No contract changes."', async () => {
    const same = await squall('diff', BANKING, BANKING);
    expect([same.code, same.stderr]).toEqual([0, '']);
    expect(same.stdout).toContain('No contract changes.');
  });

  it('exits 1 on a breaking change and says why in words', async () => {
    const result = await squall('diff', BANKING, withoutAmount);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'BREAKING field-removed: Removing the required field amount breaks consumers',
    );
    expect(result.stdout).toMatch(/Payments\n {2}event PaymentRequested\n/);
    expect(result.stdout).toContain('1 of 1 change breaks backward compatibility.');
  });

  it('judges by --mode: an optional field is fine backward, breaking forward and full', async () => {
    expect((await squall('diff', BANKING, withOptionalField)).code).toBe(0);
    expect((await squall('diff', BANKING, withOptionalField, '--mode', 'backward')).code).toBe(0);
    expect((await squall('diff', BANKING, withOptionalField, '--mode', 'forward')).code).toBe(1);
    expect((await squall('diff', BANKING, withOptionalField, '--mode', 'full')).code).toBe(1);
  });

  it('--json prints a machine-readable report', async () => {
    const result = await squall('diff', BANKING, withoutAmount, '--json', '--mode', 'full');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      before: { source: BANKING, name: 'Banking payments' },
      mode: 'full',
      compatible: false,
      breakingCount: 1,
      changes: [
        {
          kind: 'field-removed',
          context: 'Payments',
          event: 'PaymentRequested',
          field: 'amount',
          elementId: 'evt-payment-requested',
          breaking: true,
          breaks: { backward: expect.any(String), forward: expect.any(String) },
        },
      ],
    });
  });

  it('exits 2 on usage errors: unknown mode, missing side, unreadable file', async () => {
    const mode = await squall('diff', BANKING, BANKING, '--mode', 'sideways');
    expect([mode.code, mode.stderr]).toEqual([
      2,
      expect.stringContaining('--mode must be one of backward, forward, full'),
    ]);
    const one = await squall('diff', BANKING);
    expect([one.code, one.stderr]).toEqual([2, expect.stringContaining('diff needs two boards')]);
    const missing = await squall('diff', BANKING, join(dir, 'nope.squall.json'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const garbage = join(dir, 'garbage.squall.json');
    writeFileSync(garbage, '{"format": "squall.board"');
    expect((await squall('diff', garbage, BANKING)).code).toBe(2);
    expect((await squall('diff', '--bogus', BANKING, BANKING)).code).toBe(2);
  });

  it('documents itself', async () => {
    const help = await squall('diff', '--help');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('<board URL>@<revision>')]);
    expect((await squall('--help')).stdout).toContain('squall diff <old> <new>');
  });
});

describe('squall diff with board URLs and revisions (a server on 127.0.0.1)', { timeout: 60_000 }, () => {
  const requests: string[] = [];
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    const live = readFileSync(BANKING, 'utf8');
    const file = JSON.parse(live) as FileShape;
    requested(file).fields!.find((field) => field.name === 'amount')!.required = false;
    const revision = JSON.stringify(file);
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.searchParams.get('token') !== 'tok') response.writeHead(401).end();
      else if (url.pathname === '/api/boards/bank/file') response.writeHead(200).end(live);
      else if (url.pathname === '/api/boards/bank/revisions/2') response.writeHead(200).end(revision);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('compares a saved revision with the live board', async () => {
    // Revision 2 had amount optional; the live board requires it: breaks backward.
    const result = await squall(
      'diff',
      `${origin}/b/bank@2?token=tok`,
      `${origin}/b/bank?token=tok`,
      '--json',
    );
    expect(result.code).toBe(1);
    expect(requests).toContain('/api/boards/bank/revisions/2?token=tok');
    expect(requests).toContain('/api/boards/bank/file?token=tok');
    const report = JSON.parse(result.stdout);
    expect(report.changes.map((change: { kind: string }) => change.kind)).toEqual(['field-made-required']);
    expect(result.stdout).not.toContain('tok"');
    expect(report.before.source).toBe(`${origin}/b/bank@2?token=…`);
  });

  it('an unknown revision is a usage error naming it', async () => {
    const result = await squall('diff', `${origin}/b/bank@9?token=tok`, `${origin}/b/bank?token=tok`);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('no such board or revision')]);
  });

  it('boardSourceUrl maps <board URL>@<revision> to the revision endpoint, with the token', () => {
    const endpoint = 'http://h:1/team/api/boards/abc/revisions/12?token=t';
    expect(boardSourceUrl('http://h:1/team/b/abc@12?token=t').href).toBe(endpoint);
    expect(boardSourceUrl('http://h:1/team/b/abc?token=t@12').href).toBe(endpoint);
    expect(boardSourceUrl('http://h:1/team/b/abc/@12').href).toBe(
      'http://h:1/team/api/boards/abc/revisions/12',
    );
    expect(boardSourceUrl('http://h:1/b/abc').href).toBe('http://h:1/api/boards/abc/file');
    expect(() => boardSourceUrl('http://h:1/b/abc@x1')).toThrow('is not a board URL');
  });
});
