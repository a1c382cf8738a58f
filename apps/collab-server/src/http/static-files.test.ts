import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';

let server: TestServer | undefined;
const web = tempDir('squall-web-');

afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

function rawGet(port: number, rawPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

function writeWebBuild(): void {
  fs.mkdirSync(path.join(web.path, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web.path, 'index.html'), '<!doctype html><title>Squall</title>');
  fs.writeFileSync(path.join(web.path, 'assets', 'app-1234.js'), 'console.log("squall")');
  fs.writeFileSync(path.join(path.dirname(web.path), 'secret.txt'), 'outside the web build');
}

describe('web app serving', () => {
  it('serves files, hashed assets cached for good, and index.html for client routes', async () => {
    writeWebBuild();
    server = await startTestServer({ WEB_DIST: web.path });
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Squall</title>');

    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("squall")');

    const route = await fetch(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Squall</title>');

    const missingAsset = await fetch(`${server.url}/assets/gone.js`);
    expect(missingAsset.status).toBe(404);
    expect(((await missingAsset.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('never serves files outside the web build', async () => {
    writeWebBuild();
    server = await startTestServer({ WEB_DIST: web.path });
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      // Sent as written (fetch would normalise the dots away before they reach the server).
      const text = await rawGet(server.port, attempt);
      expect(text).not.toContain('outside the web build');
    }
  });

  it('says clearly on / that the web app is not built', async () => {
    server = await startTestServer({ WEB_DIST: path.join(web.path, 'missing') });
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('web_build_missing');
    expect(body.error.message).toMatch(/not built.*npm/);
  });
});
