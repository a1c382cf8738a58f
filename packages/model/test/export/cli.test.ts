import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST_FILE, exportManifestText } from '../../src/cli/export-manifest.ts';
import { exportBoard, parseBoardFile, snapshotFromBoardFile } from '../../src/index.ts';
import { MODEL_ROOT, readExample, scratchDir } from './helpers/boards.ts';
import { terminalControls } from './helpers/terminal-controls.ts';

const dir = scratchDir('cli');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(MODEL_ROOT, 'bin', 'squall.mjs');
const BANKING = join(MODEL_ROOT, 'examples', 'banking-payments.squall.json');
const SHIPPING = join(MODEL_ROOT, 'examples', 'container-shipping.squall.json');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `squall` bin in a child process, as `npx squall` would. */
function squall(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every file under a folder, as paths relative to it. */
function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(root, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

/** The banking board with one command nobody handles: a lint error at design level. */
function boardWithLintError(): string {
  const file = JSON.parse(readFileSync(BANKING, 'utf8')) as {
    connections: Array<{ source: string; target: string }>;
  };
  file.connections = file.connections.filter(
    (c) => !(c.source === 'cmd-complete-payment' && c.target === 'agg-payment'),
  );
  const path = join(dir, 'with-error.squall.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('squall CLI (run as a process)', { timeout: 60_000 }, () => {
  it('prints help for the CLI and each command', async () => {
    const main = await squall('--help');
    expect([main.code, main.stdout]).toEqual([
      0,
      expect.stringContaining('squall export <board> --out <dir>'),
    ]);
    const exportHelp = await squall('export', '--help');
    expect([exportHelp.code, exportHelp.stdout]).toEqual([
      0,
      expect.stringContaining('--profile <dev|prod>'),
    ]);
    const lintHelp = await squall('help', 'lint');
    expect([lintHelp.code, lintHelp.stdout]).toEqual([
      0,
      expect.stringContaining('exits 1 when there is at least one error'),
    ]);
  });

  it('exits 2 with a clear message on usage errors', async () => {
    expect((await squall()).code).toBe(2);
    const unknown = await squall('deploy');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('unknown command "deploy"')]);
    const noOut = await squall('export', BANKING);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('export needs --out <dir>')]);
    const badOnly = await squall('export', BANKING, '--out', 'x', '--only', 'typescript,pdf');
    expect([badOnly.code, badOnly.stderr]).toEqual([
      2,
      expect.stringContaining(
        '--only must be one of typescript, jsonschema, asyncapi, topics, registry, connect, services, eventcatalog; got "pdf"',
      ),
    ]);
    const badProfile = await squall('export', BANKING, '--out', 'x', '--profile', 'staging');
    expect([badProfile.code, badProfile.stderr]).toEqual([
      2,
      expect.stringContaining('--profile must be one of dev, prod'),
    ]);
    const badOption = await squall('lint', BANKING, '--colour');
    expect([badOption.code, badOption.stderr]).toEqual([
      2,
      expect.stringContaining("Unknown option '--colour'"),
    ]);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it("exits 2 on a missing or invalid board file, with the parser's path: message lines", async () => {
    const missing = await squall('lint', join(dir, 'nope.squall.json'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const invalid = join(dir, 'invalid.squall.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        format: 'squall.board',
        version: 1,
        name: 'x',
        level: 'design',
        elements: [{ id: 'a', kind: 'sticky' }],
        connections: [],
      }),
    );
    const result = await squall('export', invalid, '--out', 'never');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a valid Squall board file');
    expect(result.stderr).toContain('/elements/0/kind: must be one of domainEvent');
    const notJson = join(dir, 'not-json.squall.json');
    writeFileSync(notJson, '{ "format": ');
    expect((await squall('lint', notJson)).stderr).toContain('(file): is not valid JSON');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('lint exits 0 on the examples and 1 when the board has errors', async () => {
    const ok = await squall('lint', SHIPPING);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('"Container shipping": 0 errors')]);
    const bad = await squall('lint', boardWithLintError());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^error {3}command-without-handler: Command "Complete Payment" is not handled/m,
    );
    const json = await squall('lint', boardWithLintError(), '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { errors: number; issues: Array<{ code: string }> };
    expect(report.errors).toBe(1);
    expect(report.issues.map((issue) => issue.code)).toContain('command-without-handler');
  });

  it('export writes exactly the files of exportBoard, byte for byte', async () => {
    const result = await squall('export', SHIPPING, '--out', 'shipping', '--org', 'acme', '--profile', 'dev');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const { board, name } = readExample('container-shipping');
    const expected = exportBoard(board, { boardName: name, org: 'acme', profile: 'dev' }).files;
    const out = join(dir, 'shipping');
    expect(listFiles(out)).toEqual([EXPORT_MANIFEST_FILE, ...expected.map((file) => file.path)]);
    for (const file of expected)
      expect(readFileSync(join(out, file.path), 'utf8'), file.path).toBe(file.contents);
    expect(readFileSync(join(out, EXPORT_MANIFEST_FILE), 'utf8')).toBe(
      exportManifestText(expected.map((file) => file.path)),
    );
    expect(result.stdout).toContain(`Wrote ${expected.length} files`);
    expect(result.stdout).not.toContain('removed');
  });

  it('export --only limits the formats', async () => {
    const result = await squall(
      'export',
      BANKING,
      '--out',
      'only',
      '--only',
      'asyncapi,topics',
      '--asyncapi',
      'board',
    );
    expect(result.code).toBe(0);
    const files = listFiles(join(dir, 'only'));
    expect(files.filter((path) => path.startsWith('asyncapi/'))).toEqual([
      'asyncapi/banking-payments.asyncapi.yaml',
    ]);
    expect(files.some((path) => path.startsWith('typescript/') || path.startsWith('jsonschema/'))).toBe(
      false,
    );
    expect(files).toContain('topics/topics.json');
  });

  it('export refuses a board with lint errors (exit 1, nothing written) unless --force', async () => {
    const board = boardWithLintError();
    const refused = await squall('export', board, '--out', 'refused');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error   command-without-handler');
    expect(refused.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, 'refused'))).toBe(false);
    const forced = await squall('export', board, '--out', 'forced', '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'forced', 'README.md'))).toBe(true);
  });
});

interface BoardJson {
  name: string;
  elements: Array<{ id: string; text?: string }>;
}

/** Writes the banking board with some stickies' text changed; returns its path and its exported paths. */
function bankingWith(file: string, texts: Record<string, string>): { path: string; files: string[] } {
  const json = JSON.parse(readFileSync(BANKING, 'utf8')) as BoardJson;
  for (const element of json.elements) if (texts[element.id]) element.text = texts[element.id]!;
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(json));
  const parsed = parseBoardFile(readFileSync(path));
  if (!parsed.ok) throw new Error('bankingWith: not a valid board');
  const files = exportBoard(snapshotFromBoardFile(parsed.file), { boardName: json.name }).files;
  return { path, files: files.map((exported) => exported.path) };
}

describe('squall export into a folder it exported to before', { timeout: 60_000 }, () => {
  it('deletes the files only the previous board generated and the folders they empty, nothing else', async () => {
    const before = bankingWith('before.squall.json', {});
    const after = bankingWith('after.squall.json', {
      'evt-payment-blocked': 'Payment Held', // an event renamed
      'agg-alert': 'Incident', // an aggregate renamed: its schema folder empties
      'agg-fraud-check': 'Fraud Review', // another, but its old folder holds a file of the user's
    });
    const out = join(dir, 'renamed');
    const first = await squall('export', before.path, '--out', 'renamed');
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(existsSync(join(out, 'jsonschema/payments/payment/payment-blocked.v1.schema.json'))).toBe(true);

    const handMade: Record<string, string> = {
      'NOTES.md': 'notes of the team\n',
      'typescript/custom.ts': 'export const custom = 1;\n',
      'jsonschema/fraud/fraud-check/local.md': 'kept by hand\n',
    };
    for (const [path, text] of Object.entries(handMade)) writeFileSync(join(out, path), text);

    const second = await squall('export', after.path, '--out', 'renamed');
    expect([second.code, second.stderr]).toEqual([0, '']);
    const gone = before.files.filter((path) => !after.files.includes(path));
    // Renamed aggregates rename their topics, so their Schema Registry subjects too.
    expect(gone.filter((path) => path.startsWith('registry/'))).toEqual([
      'registry/subjects/example.fraud-detection.fraud-check.events-key.json',
      'registry/subjects/example.fraud-detection.fraud-check.events-value.json',
      'registry/subjects/example.notifications.alert.events-key.json',
      'registry/subjects/example.notifications.alert.events-value.json',
    ]);
    expect(gone.filter((path) => !path.startsWith('registry/'))).toEqual([
      'jsonschema/fraud/fraud-check/fraud-suspected.v1.schema.json',
      'jsonschema/fraud/fraud-check/payment-cleared.v1.schema.json',
      'jsonschema/notifications/alert/alert-raised.v1.schema.json',
      'jsonschema/payments/payment/payment-blocked.v1.schema.json',
      'typescript/fraud/fraud-check.ts',
      'typescript/notifications/alert.ts',
    ]);
    expect(second.stdout.split('\n').filter((line) => line.startsWith('removed'))).toEqual([
      ...gone.map((path) => `removed  ${path}`),
      'removed  jsonschema/notifications/alert/',
    ]);
    expect(second.stdout).toContain(`Wrote ${after.files.length} files`);
    expect(second.stdout).toContain(`removed ${gone.length} stale files of the previous export`);
    expect(listFiles(out)).toEqual([...after.files, ...Object.keys(handMade), EXPORT_MANIFEST_FILE].sort());
    expect(after.files).toContain('jsonschema/payments/payment/payment-held.v1.schema.json');
    expect(after.files).toContain('typescript/notifications/incident.ts');
    expect(existsSync(join(out, 'jsonschema/notifications/alert'))).toBe(false);
    for (const [path, text] of Object.entries(handMade))
      expect(readFileSync(join(out, path), 'utf8')).toBe(text);
    expect(readFileSync(join(out, EXPORT_MANIFEST_FILE), 'utf8')).toBe(exportManifestText(after.files));

    // A board with lint errors neither writes nor deletes.
    const listed = listFiles(out);
    expect((await squall('export', boardWithLintError(), '--out', 'renamed')).code).toBe(1);
    expect(listFiles(out)).toEqual(listed);

    // The same board again: nothing is stale.
    const third = await squall('export', after.path, '--out', 'renamed');
    expect([third.code, third.stderr]).toEqual([0, '']);
    expect(third.stdout).not.toContain('removed');
    expect(listFiles(out)).toEqual(listed);
  });

  it('ignores a manifest listing a path outside the folder, with a warning, and deletes nothing', async () => {
    const out = join(dir, 'hostile');
    expect((await squall('export', BANKING, '--out', 'hostile')).code).toBe(0);
    writeFileSync(join(dir, 'victim.txt'), 'not yours\n');
    writeFileSync(join(out, 'typescript/custom.ts'), 'export const custom = 1;\n');
    writeFileSync(
      join(out, EXPORT_MANIFEST_FILE),
      JSON.stringify({
        format: 'squall.export-manifest',
        version: 1,
        files: ['typescript/custom.ts', '../victim.txt'],
      }),
    );
    const result = await squall('export', BANKING, '--out', 'hostile');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`ignoring ${join(out, EXPORT_MANIFEST_FILE)}`);
    expect(result.stderr).toContain(
      'files[1] "../victim.txt" is not a relative path inside the output folder',
    );
    expect(result.stderr).toContain('No stale files were removed');
    expect(result.stdout).not.toContain('removed');
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('not yours\n');
    expect(existsSync(join(out, 'typescript/custom.ts'))).toBe(true);
    // …and replaces it with its own.
    expect(JSON.parse(readFileSync(join(out, EXPORT_MANIFEST_FILE), 'utf8')).files).not.toContain(
      '../victim.txt',
    );
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const out = join(dir, 'linked');
    expect((await squall('export', BANKING, '--out', 'linked')).code).toBe(0);
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'victim.txt'), 'not yours\n');
    symlinkSync(join(dir, 'elsewhere'), join(out, 'link'));
    writeFileSync(join(out, EXPORT_MANIFEST_FILE), exportManifestText(['link/victim.txt', 'old.ts']));
    writeFileSync(join(out, 'old.ts'), 'stale\n');
    const result = await squall('export', BANKING, '--out', 'linked');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('kept link/victim.txt: its folder leads outside');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('removed'))).toEqual([
      'removed  old.ts',
    ]);
    expect(readFileSync(join(dir, 'elsewhere', 'victim.txt'), 'utf8')).toBe('not yours\n');
    expect(existsSync(join(out, 'link'))).toBe(true);
    expect(existsSync(join(out, 'old.ts'))).toBe(false);
  });
});

describe('squall CLI under hostile input', { timeout: 60_000 }, () => {
  const LONG =
    'Customer requested a refund after the parcel arrived damaged and the courier confirmed the damage on the delivery note, so the support agent escalated the case to the claims team who approved the refund within two working days and notified the customer by e-mail and SMS with the reference number';

  it('exports a board with a 300-character sticky (it stopped with ENAMETOOLONG) and warns with the name it uses', async () => {
    const board = bankingWith('long.squall.json', { 'evt-payment-blocked': LONG, 'agg-payment': LONG });
    const result = await squall('export', board.path, '--out', 'long');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning long-name: Domain event "Customer requested .*…" is too long for a readable code name \(more than 60 characters\); the export names it CustomerRequestedARefundAfterTheParcelArrived[0-9A-Z][0-9a-z]{5} \(customer-requested-a-refund-after-the-parcel-arrived-[0-9a-z]{6} in file and topic names\)/m,
    );
    const written = listFiles(join(dir, 'long'));
    expect(written).toEqual([EXPORT_MANIFEST_FILE, ...board.files].sort());
    for (const path of written) {
      for (const segment of path.split('/')) expect(segment.length, path).toBeLessThanOrEqual(100);
    }
  });

  it('leaves the folder as it was when an export fails part way, and says so', async () => {
    const out = join(dir, 'atomic');
    expect((await squall('export', BANKING, '--out', 'atomic')).code).toBe(0);
    writeFileSync(join(out, 'NOTES.md'), 'mine\n');
    // A folder of the user's where the renamed event's schema goes: the move of that file fails.
    const renamed = bankingWith('atomic.squall.json', { 'evt-payment-blocked': 'Payment Held' });
    const conflict = join(out, 'jsonschema/payments/payment/payment-held.v1.schema.json');
    mkdirSync(conflict);
    writeFileSync(join(conflict, 'inside.txt'), 'keep\n');
    const snapshot = () => listFiles(out).map((path) => `${path}: ${readFileSync(join(out, path), 'utf8')}`);
    const before = snapshot();
    const result = await squall('export', renamed.path, '--out', 'atomic');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'jsonschema/payments/payment/payment-held.v1.schema.json is a folder; the export needs a file there; nothing in it was changed',
    );
    expect(result.stdout).not.toContain('removed');
    expect(snapshot()).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes('squall-'))).toEqual([]);
  });

  it('refuses a huge file by its size before reading it, in exact units', async () => {
    const huge = join(dir, 'huge.squall.json');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024); // sparse: takes no disk space
    const started = performance.now();
    const result = await squall('lint', huge);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect([result.code, result.stderr]).toEqual([
      2,
      `squall lint: ${huge} is 600 MiB (629,145,600 bytes); the largest board file accepted is 20 MiB (20,971,520 bytes)\n`,
    ]);
    truncateSync(huge, 52_400_000);
    expect((await squall('export', huge, '--out', 'never')).stderr).toContain(
      'is 50.0 MiB (52,400,000 bytes); the largest board file accepted is 20 MiB (20,971,520 bytes)',
    );
    expect(existsSync(join(dir, 'never'))).toBe(false);
    rmSync(huge);
  });

  it('escapes control characters in every message that quotes input', async () => {
    const broken = join(dir, 'escapes.squall.json');
    writeFileSync(broken, '{"format": \u001b]0;pwned\u0007\u001b[31m }');
    const parse = await squall('lint', broken);
    expect(parse.code).toBe(2);
    expect(parse.stderr).toContain('is not valid JSON');
    expect(parse.stderr).toContain('Unexpected token \'\\u001b\', ...""format": \\u001b]0;pwned\\u0007"...');
    expect(terminalControls(parse.stderr)).toEqual([]);

    const json = JSON.parse(readFileSync(BANKING, 'utf8')) as BoardJson;
    json.name = 'Bank\u001b[2J\u009b31m';
    json.elements.find((element) => element.id === 'evt-payment-blocked')!.text =
      'Payment \u001b]0;x\u0007Blocked\u202e';
    const hostile = join(dir, 'hostile-text.squall.json');
    writeFileSync(hostile, JSON.stringify(json));
    const lint = await squall('lint', hostile, '--level', 'process');
    expect(lint.stdout).toContain('"Bank\\u001b[2J\\u009b31m"');
    const exported = await squall('export', hostile, '--out', 'escaped');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('for "Bank\\u001b[2J\\u009b31m"');
    const asJson = await squall('lint', hostile, '--json');
    expect((JSON.parse(asJson.stdout) as { board: string }).board).toBe(json.name);
    const unknown = await squall('\u001b[2Jdeploy');
    expect(unknown.stderr).toContain('unknown command "\\u001b[2Jdeploy"');
    const badLevel = await squall('lint', BANKING, '--level', '\u0007x');
    expect(badLevel.stderr).toContain('got "\\u0007x"');
    for (const run of [lint, exported, asJson, unknown, badLevel]) {
      expect(terminalControls(run.stdout + run.stderr)).toEqual([]);
    }
  });
});

describe('squall CLI with a board URL (a Squall server on 127.0.0.1)', { timeout: 60_000 }, () => {
  const requests: string[] = [];
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    const board = readFileSync(BANKING);
    server = createServer((request: IncomingMessage, response) => {
      requests.push(request.url ?? '');
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api/boards/endless/file') {
        // A misbehaving server that never stops sending: the CLI must give up, not run out of memory.
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) {}
        };
        response.on('drain', pump);
        response.writeHead(200, { 'content-type': 'application/json' });
        pump();
      } else if (url.pathname !== '/api/boards/bank42/file') {
        response.writeHead(404).end();
      } else if (url.searchParams.get('token') !== 's3cret') {
        response.writeHead(401).end();
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end(board);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches <server>/api/boards/<id>/file with the share token and exports it', async () => {
    const result = await squall('export', `${origin}/b/bank42?token=s3cret`, '--out', 'from-url');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(requests.at(-1)).toBe('/api/boards/bank42/file?token=s3cret');
    expect(readFileSync(join(dir, 'from-url', 'topics', 'topics.json'), 'utf8')).toContain(
      'example.payments.payment.events',
    );
  });

  it('lint works on a URL too, and HTTP errors exit 2 without leaking the token', async () => {
    expect((await squall('lint', `${origin}/b/bank42?token=s3cret`)).code).toBe(0);
    const denied = await squall('lint', `${origin}/b/bank42?token=badtoken9`);
    expect([denied.code, denied.stderr]).toEqual([2, expect.stringContaining('HTTP 401')]);
    expect(denied.stderr).not.toContain('badtoken9');
    const missing = await squall('lint', `${origin}/b/nothere?token=s3cret`);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no board with that id')]);
    const endless = await squall('lint', `${origin}/b/endless`);
    expect([endless.code, endless.stderr]).toEqual([2, expect.stringContaining('that is no board file')]);
    const notBoard = await squall('lint', `${origin}/boards/bank42`);
    expect([notBoard.code, notBoard.stderr]).toEqual([2, expect.stringContaining('is not a board URL')]);
  });
});
