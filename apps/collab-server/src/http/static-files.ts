import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError } from './http-error.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function fileAt(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${decoded}`);
  // Never serve anything outside the web build, whatever `..` or encoded slashes the path holds.
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web app: the file when it exists, else `index.html` (client-side routes such as
 * `/b/<id>`). Vite's hashed `/assets/*` are cached for good; everything else is revalidated.
 */
export function serveWebApp(req: IncomingMessage, res: ServerResponse, pathname: string, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'method_not_allowed', `${req.method} is not supported here; use GET`);
  }
  const file = fileAt(root, pathname) ?? (path.extname(pathname) ? undefined : fileAt(root, '/index.html'));
  if (!file) {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new HttpError(
        503,
        'web_build_missing',
        `The web app is not built: ${path.join(root, 'index.html')} does not exist. ` +
          'Run "npm run build -w @squall/web" (or "npm start" at the repo root), or set WEB_DIST.',
      );
    }
    throw new HttpError(404, 'not_found', `no file at ${pathname}`);
  }
  const immutable = pathname.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': fs.statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}
