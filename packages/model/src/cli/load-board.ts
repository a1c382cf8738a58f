import { open } from 'node:fs/promises';
import { escapeControlCharacters } from '../display-text.ts';
import type { BoardSnapshot } from '../elements.ts';
import { formatByteSize } from '../file/byte-size.ts';
import { snapshotFromBoardFile } from '../file/format.ts';
import {
  DEFAULT_MAX_FILE_BYTES,
  fileTooLargeMessage,
  formatBoardFileErrors,
  parseBoardFile,
} from '../file/parse.ts';
import { boardSourceUrl, isUrl } from './board-url.ts';
import { CliError } from './cli-error.ts';

export interface LoadedBoard {
  readonly board: BoardSnapshot;
  readonly name: string;
}

const FETCH_TIMEOUT_MS = 30_000;

async function fetchBytes(address: string): Promise<Uint8Array> {
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

/** Stop reading at the parser's limit: a bigger file is refused anyway, and must not fill the memory. */
const MAX_BOARD_BYTES = DEFAULT_MAX_FILE_BYTES;

async function readCapped(response: Response, shown: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new CliError(`${shown} sent more than ${formatByteSize(MAX_BOARD_BYTES)}; that is no board file`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BOARD_BYTES) throw tooLarge();
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_BOARD_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a board file, refusing one over the limit by its size on disk before reading a byte of it.
 * What is read is capped as well: a file still growing, or a pipe or device, has no size up front.
 */
async function readBytes(path: string): Promise<Uint8Array> {
  const shown = escapeControlCharacters(path);
  const failed = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(error);
    return new CliError(`cannot read ${shown}: ${reason}`);
  };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw failed(error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new CliError(`cannot read ${shown}: is a folder`);
    const { size } = stats;
    if (size > MAX_BOARD_BYTES) throw new CliError(`${shown} ${fileTooLargeMessage(size, MAX_BOARD_BYTES)}`);
    // Read up to one byte more than the limit, to tell "at the limit" from "over it".
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(
        Math.min(Math.max(size + 1 - length, 64 * 1024), MAX_BOARD_BYTES + 1 - length),
      );
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_BOARD_BYTES) {
        throw new CliError(`${shown} is more than ${formatByteSize(MAX_BOARD_BYTES)}; that is no board file`);
      }
    }
    return Buffer.concat(chunks, length);
  } catch (error) {
    throw error instanceof CliError ? error : failed(error);
  } finally {
    await handle.close();
  }
}

/** Reads a board file from disk or from a Squall server; a board that is not valid is a usage error. */
export async function loadBoard(source: string): Promise<LoadedBoard> {
  const bytes = isUrl(source) ? await fetchBytes(source) : await readBytes(source);
  const result = parseBoardFile(bytes);
  if (!result.ok) {
    throw new CliError(
      `${escapeControlCharacters(source)} is not a valid Squall board file:\n${formatBoardFileErrors(result.errors)}`,
    );
  }
  return { board: snapshotFromBoardFile(result.file), name: result.file.name };
}
