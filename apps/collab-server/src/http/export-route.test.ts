import { readFileSync } from 'node:fs';
import { exportBoard, parseBoardFile, snapshotFromBoardFile } from '@squall/model';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import type { CreatedBoard } from '../board-service.ts';

const exampleText = readFileSync(
  new URL('../../../../packages/model/examples/banking-payments.squall.json', import.meta.url),
  'utf8',
);

let server: TestServer;
let board: CreatedBoard;

beforeEach(async () => {
  server = await startTestServer();
  const response = await fetch(`${server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exampleText,
  });
  expect(response.status).toBe(201);
  board = (await response.json()) as CreatedBoard;
});
afterEach(async () => {
  await server.dispose();
});

const exportUrl = (query: string, token = board.editToken) =>
  `${server.url}/api/boards/${board.id}/export?${query}${token ? `&token=${token}` : ''}`;

describe('GET /api/boards/:id/export', () => {
  it('answers the whole export as a zip holding exactly what the model exports', async () => {
    const response = await fetch(exportUrl('format=zip&org=acme&profile=dev'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+-contracts\.zip"/);
    expect(response.headers.get('x-squall-lint-errors')).toBe('0');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const parsed = parseBoardFile(exampleText);
    if (!parsed.ok) throw new Error('example board does not parse');
    const expected = exportBoard(snapshotFromBoardFile(parsed.file), {
      boardName: parsed.file.name,
      org: 'acme',
      profile: 'dev',
    });
    const decoder = new TextDecoder();
    const byName = new Map(
      Object.entries(entries).map(([path, bytes]) => [
        path.split('/').slice(1).join('/'),
        decoder.decode(bytes),
      ]),
    );
    expect([...byName.keys()].sort()).toEqual(expected.files.map((file) => file.path).sort());
    for (const file of expected.files) expect(byName.get(file.path)).toBe(file.contents);
    expect(byName.get('topics/topics.json')).toContain('"replicationFactor": 1');
  });

  it('answers one format at a time, to a view link too', async () => {
    const response = await fetch(exportUrl('format=topics', board.viewToken));
    expect(response.status).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((name) => name.includes('/topics/'))).toBe(true);
  });

  it('answers the services with the TypeScript they import, as `squall export --only services` writes them', async () => {
    const response = await fetch(exportUrl('format=services&org=acme'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename=".+-services\.zip"/);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(entries).map((path) => path.split('/').slice(1).join('/'));
    const parsed = parseBoardFile(exampleText);
    if (!parsed.ok) throw new Error('example board does not parse');
    const expected = exportBoard(snapshotFromBoardFile(parsed.file), {
      boardName: parsed.file.name,
      org: 'acme',
      only: ['services'],
    }).files.filter((file) => file.path !== 'README.md');
    expect(names.sort()).toEqual(expected.map((file) => file.path).sort());
    expect(names).toContain('services/payments-service/src/aggregates/payment/decide.ts');
    expect(names).toContain('typescript/payments/payment.ts');
    expect(names).toContain('package.json');
  });

  it('refuses bad options and missing tokens with JSON errors', async () => {
    const bad = await fetch(exportUrl('format=pdf'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_format');
    const profile = await fetch(exportUrl('profile=staging'));
    expect(profile.status).toBe(400);
    const anonymous = await fetch(exportUrl('format=zip', ''));
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(
      `${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/export?token=${board.editToken}`,
    );
    expect(unknown.status).toBe(404);
  });

  it('keeps file names short for a board with long names and refuses an org too long for topic names', async () => {
    const long = 'Customer requested a refund after the parcel arrived damaged and the courier confirmed it ';
    const file = JSON.parse(exampleText) as { name: string; elements: Array<{ id: string; text: string }> };
    file.name = long.repeat(3).slice(0, 200);
    for (const element of file.elements) element.text = `${long.repeat(4)}${element.text}`;
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as CreatedBoard;
    const url = `${server.url}/api/boards/${created.id}/export?format=zip&token=${created.editToken}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')![1]!;
    expect(fileName).toMatch(
      /^customer-requested-a-refund-after-the-parcel-arrived-[0-9a-z]{6}-contracts\.zip$/,
    );
    const entries = Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      for (const segment of entry.split('/')) expect(segment.length, entry).toBeLessThanOrEqual(100);
    }
    const org = await fetch(`${url}&org=${'acme-'.repeat(20)}`);
    expect(org.status).toBe(400);
    expect(((await org.json()) as { error: { code: string } }).error.code).toBe('invalid_option');
  });
});
