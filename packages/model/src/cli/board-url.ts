import { quoted } from '../display-text.ts';
import { CliError } from './cli-error.ts';

/**
 * Where a Squall server serves a board's file, from the board's address in the browser:
 * `http://host[/base]/b/<id>[?token=…]` → `http://host[/base]/api/boards/<id>/file[?token=…]`.
 */
export function boardFileUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CliError(`${quoted(address)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`${quoted(address)}: only http and https board URLs are supported`);
  }
  const match = /^(.*)\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(url.pathname);
  if (!match) {
    throw new CliError(`${quoted(address)} is not a board URL; expected one like http://host/b/<board id>`);
  }
  const file = new URL(`${match[1]}/api/boards/${match[2]}/file`, url.origin);
  const token = url.searchParams.get('token');
  if (token) file.searchParams.set('token', token);
  return file;
}

export function isUrl(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}
