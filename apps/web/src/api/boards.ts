import type { BoardFile, BoardTemplate, WorkshopState } from '@squall/model';
import { allTokens, forgetBoard, heldBoard, rememberBoard, tokenFor } from './boardTokens.ts';
import { participantSecret } from './participant.ts';

/** What `GET /api/boards/:id/preview` answers: what the board holds, without its name. */
export type BoardContent = Pick<BoardFile, 'level' | 'elements' | 'connections'>;

/** A board as the collab server describes it (`GET /api/boards`, `GET /api/boards/:id`). */
export interface BoardSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly elementCount?: number;
  readonly connectionCount?: number;
  /** People connected to the board right now. */
  readonly activeConnections?: number;
  /** What this browser's token allows on the board. */
  readonly access?: BoardAccess;
  /** Locked by its owner: every connection is read-only. */
  readonly locked?: boolean;
}

export type BoardAccess = 'owner' | 'edit' | 'view';

/** What creating or importing a board answers, once: the board and its capabilities. */
export interface CreatedBoard extends BoardSummary {
  readonly editToken: string;
  readonly viewToken: string;
  readonly ownerKey: string;
}

export interface ApiErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** An error the server explained: `{error: {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request to the board API; `boardId` sends this browser's token for that board. */
async function request<T>(path: string, init?: RequestInit, boardId?: string): Promise<T> {
  const token = boardId ? tokenFor(boardId) : undefined;
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init?.headers as Record<string, string> | undefined),
    },
  });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const details = Array.isArray(error.details)
      ? error.details
          .filter(isRecord)
          .map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
      : [];
    throw new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : `http_${response.status}`,
      typeof error.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
      details,
    );
  }
  return body as T;
}

/** Accepts a list either bare or wrapped (`{boards: [...]}`), so the page does not break on either shape. */
function boardList(body: unknown): BoardSummary[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.boards) ? body.boards : [];
  return list.filter((item): item is BoardSummary => isRecord(item) && typeof item.id === 'string');
}

/** Keeps the capabilities of a board this browser just created or imported (the owner key is shown once). */
function keep(created: CreatedBoard): CreatedBoard {
  rememberBoard(created.id, {
    token: created.ownerKey,
    editToken: created.editToken,
    viewToken: created.viewToken,
  });
  return created;
}

const boardPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

export const boardsApi = {
  /** The boards whose tokens this browser holds. */
  list: async () => {
    const query = allTokens()
      .map((token) => `token=${encodeURIComponent(token)}`)
      .join('&');
    return boardList(await request<unknown>(query ? `/api/boards?${query}` : '/api/boards'));
  },
  get: (id: string) => request<BoardSummary>(boardPath(id), undefined, id),
  /** A new board, empty or from one of the model's templates (the server fills it in). */
  create: async (name: string, template: BoardTemplate = 'empty') =>
    keep(
      await request<CreatedBoard>('/api/boards', {
        method: 'POST',
        body: JSON.stringify(template === 'empty' ? { name } : { name, template }),
      }),
    ),
  rename: (id: string, name: string) =>
    request<BoardSummary>(boardPath(id), { method: 'PATCH', body: JSON.stringify({ name }) }, id),
  remove: async (id: string) => {
    await request<void>(boardPath(id), { method: 'DELETE' }, id);
    forgetBoard(id);
  },
  /**
   * What a first picture of the board is drawn from while the live document syncs: its elements and
   * connections. It comes from this board's own server, which writes it from the validated document, so
   * only its shape is checked.
   */
  preview: async (id: string): Promise<BoardContent> => {
    const content = await request<Partial<BoardContent>>(`${boardPath(id)}/preview`, undefined, id);
    if (!Array.isArray(content.elements) || !Array.isArray(content.connections)) {
      throw new ApiError(200, 'unexpected_preview', 'The server sent something other than a board preview.');
    }
    return content as BoardContent;
  },
  /** Owner only (this browser holds the owner key): everyone else read-only, or writable again. */
  setLocked: (id: string, locked: boolean) =>
    request<BoardSummary>(`${boardPath(id)}/${locked ? 'lock' : 'unlock'}`, { method: 'POST' }, id),
  /** Owner only: a new token for one link; the old one stops working and its users are disconnected. */
  rotate: async (id: string, link: 'edit' | 'view') => {
    const rotated = await request<{ token: string }>(
      `${boardPath(id)}/rotate`,
      { method: 'POST', body: JSON.stringify({ link }) },
      id,
    );
    const held = heldBoard(id);
    if (held) rememberBoard(id, { ...held, [link === 'edit' ? 'editToken' : 'viewToken']: rotated.token });
    return rotated.token;
  },
  /**
   * A workshop action (`{type, ...}`): the server checks who asks (this browser's participant secret and
   * board token), applies it and writes the result into the board's document.
   */
  workshopAct: (id: string, action: Readonly<Record<string, unknown>>) =>
    request<{ workshop: WorkshopState; serverNow: number }>(
      `${boardPath(id)}/workshop`,
      {
        method: 'POST',
        body: JSON.stringify(action),
        headers: { 'x-squall-participant': participantSecret() },
      },
      id,
    ),
  /** Creates a new board from a board file's text; the server validates it and refuses it whole. */
  import: async (fileText: string) =>
    keep(await request<CreatedBoard>('/api/boards/import', { method: 'POST', body: fileText })),
};

/** The WebSocket base (`ws://host`), from the page's own origin: the server serves both. */
export function syncBase(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`;
}
