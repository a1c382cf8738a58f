import { quoted } from '../display-text.ts';
import { CliError } from './cli-error.ts';

/**
 * Where a Squall server serves a board's file, from the board's address in the browser:
 * `http://host[/base]/b/<id>[?token=…]` → `http://host[/base]/api/boards/<id>/file[?token=…]`.
 */
export function boardFileUrl(address: string): URL {
  return boardUrl(address).file;
}

/** A saved revision: `@<number>` after the board's path (`/b/<id>@3?token=…`) or at the very end. */
const REVISION_SUFFIX = /@([0-9]{1,12})\/?(?=[?#]|$)/;

/**
 * Where a Squall server serves what a board argument names: the live board's file, or with a
 * `@<revision>` suffix (`http://host/b/<id>@3`), that saved revision as a board file
 * (`/api/boards/<id>/revisions/3`).
 */
export function boardSourceUrl(argument: string): URL {
  const suffix = REVISION_SUFFIX.exec(argument);
  if (!suffix) return boardFileUrl(argument);
  const address = argument.slice(0, suffix.index) + argument.slice(suffix.index + suffix[0].length);
  const { base, id, token } = boardUrl(address);
  const url = new URL(`${base}/api/boards/${id}/revisions/${suffix[1]}`);
  if (token) url.searchParams.set('token', token);
  return url;
}

function boardUrl(address: string): { file: URL; base: string; id: string; token: string | null } {
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
  return { file, base: `${url.origin}${match[1]}`, id: match[2]!, token };
}

export function isUrl(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}
