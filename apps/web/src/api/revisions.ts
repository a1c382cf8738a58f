import type { BoardDiff, CompatibilityMode } from '@squall/model';
import { tokenFor } from './boardTokens.ts';

/** A saved revision, as `GET /api/boards/:id/revisions` lists it. */
export interface RevisionSummary {
  readonly rev: number;
  readonly name: string;
  readonly trigger: 'manual' | 'export';
  readonly createdAt: string;
  readonly elementCount: number;
  readonly connectionCount: number;
  readonly version?: string;
}

export interface RevisionList {
  readonly limit: number;
  readonly revisions: readonly RevisionSummary[];
}

async function call(boardId: string, path: string, init?: RequestInit): Promise<Response> {
  const token = tokenFor(boardId);
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}${path}`, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { message?: string } }
      | undefined;
    throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  }
  return response;
}

/** The server's revisions of a board: save, list, fetch as a board file, compare with the live board. */
export const revisionsApi = {
  list: async (boardId: string) => (await (await call(boardId, '/revisions')).json()) as RevisionList,
  save: async (boardId: string, name: string) =>
    (await (
      await call(boardId, '/revisions', { method: 'POST', body: JSON.stringify({ name }) })
    ).json()) as RevisionSummary,
  /** The revision as board file text (what `POST /api/boards/import` takes). */
  file: async (boardId: string, rev: number) => (await call(boardId, `/revisions/${rev}`)).text(),
  diff: async (boardId: string, rev: number, mode: CompatibilityMode) =>
    (await (await call(boardId, `/diff?from=${rev}&mode=${mode}`)).json()) as BoardDiff,
};
