import { readFile } from 'node:fs/promises';
import type { BoardSnapshot } from '../elements.ts';
import { snapshotFromBoardFile } from '../file/format.ts';
import { DEFAULT_MAX_FILE_LENGTH, formatBoardFileErrors, parseBoardFile } from '../file/parse.ts';
import { boardSourceUrl, isUrl } from './board-url.ts';
import { CliError } from './cli-error.ts';

export interface LoadedBoard {
  readonly board: BoardSnapshot;
  readonly name: string;
}

const FETCH_TIMEOUT_MS = 30_000;

async function fetchText(address: string): Promise<string> {
  const url = boardSourceUrl(address);
  // The token stays out of messages: they end up in CI logs.
  const shown = `${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new CliError(`could not fetch ${shown}: ${reason}`);
  }
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ' (is the ?token= of a share link missing or wrong?)'
        : response.status === 404
          ? url.pathname.includes('/revisions/')
            ? ' (no such board or revision on this server)'
            : ' (no board with that id on this server)'
          : '';
    throw new CliError(`could not fetch ${shown}: HTTP ${response.status} ${response.statusText}${hint}`);
  }
  return readCapped(response, shown);
}

/** The parser refuses files over 20 MiB of text anyway; stop reading long before memory is at risk. */
const MAX_DOWNLOAD_BYTES = 4 * DEFAULT_MAX_FILE_LENGTH;

async function readCapped(response: Response, shown: string): Promise<string> {
  const tooLarge = () =>
    new CliError(`${shown} sent more than ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MiB; that is no board file`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DOWNLOAD_BYTES) throw tooLarge();
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_DOWNLOAD_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(error);
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads a board file from disk or from a Squall server; a board that is not valid is a usage error. */
export async function loadBoard(source: string): Promise<LoadedBoard> {
  const text = isUrl(source) ? await fetchText(source) : await readText(source);
  const result = parseBoardFile(text);
  if (!result.ok) {
    throw new CliError(
      `${source} is not a valid Squall board file:\n${formatBoardFileErrors(result.errors)}`,
    );
  }
  return { board: snapshotFromBoardFile(result.file), name: result.file.name };
}
