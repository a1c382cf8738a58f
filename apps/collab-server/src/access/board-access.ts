import type { BoardStore } from '../storage/board-store.ts';
import {
  type BoardLink,
  type BoardRole,
  hashCapability,
  isCapabilityShaped,
  newCapability,
} from './capability.ts';

/** What `POST /api/boards` hands out once: the tokens of both links and the owner key. */
export interface BoardCapabilities {
  readonly editToken: string;
  readonly viewToken: string;
  readonly ownerKey: string;
}

/** The result of checking a token against a board. */
export type AccessCheck =
  | { readonly ok: true; readonly role: BoardRole; readonly locked: boolean; readonly tokenHash?: string }
  | { readonly ok: false; readonly reason: 'missing' | 'wrong' | 'rotated' };

/** The web page a link opens (relative to the server's origin). */
export function boardPageUrl(boardId: string, token: string): string {
  return `/b/${boardId}?token=${encodeURIComponent(token)}`;
}

/** Issues, checks, rotates and locks board capabilities; only hashes reach the store. */
export class BoardAccess {
  constructor(private readonly store: BoardStore) {}

  /** Fresh capabilities and the hashes to store with a new board. */
  issue(): {
    capabilities: BoardCapabilities;
    hashes: { editHash: string; viewHash: string; ownerHash: string };
  } {
    const capabilities = {
      editToken: newCapability(),
      viewToken: newCapability(),
      ownerKey: newCapability(32),
    };
    return {
      capabilities,
      hashes: {
        editHash: hashCapability(capabilities.editToken),
        viewHash: hashCapability(capabilities.viewToken),
        ownerHash: hashCapability(capabilities.ownerKey),
      },
    };
  }

  /**
   * What `token` allows on board `boardId` (which must exist). Boards created before links existed
   * have no capabilities: their unguessable id was the capability, so it still opens them for editing.
   */
  async check(boardId: string, token: string | undefined): Promise<AccessCheck> {
    const record = await this.store.getAccess(boardId);
    if (!record) return { ok: true, role: 'edit', locked: false };
    if (!token) return { ok: false, reason: 'missing' };
    if (!isCapabilityShaped(token)) return { ok: false, reason: 'wrong' };
    const hash = hashCapability(token);
    const role: BoardRole | undefined =
      hash === record.ownerHash
        ? 'owner'
        : hash === record.editHash
          ? 'edit'
          : hash === record.viewHash
            ? 'view'
            : undefined;
    if (role) return { ok: true, role, locked: record.locked, tokenHash: hash };
    return { ok: false, reason: (await this.store.isRetiredHash(boardId, hash)) ? 'rotated' : 'wrong' };
  }

  /** The boards the given tokens open, with the role each grants (unknown tokens are ignored). */
  async boardsFor(
    tokens: readonly string[],
  ): Promise<Array<{ boardId: string; role: BoardRole; locked: boolean }>> {
    const found = new Map<string, { boardId: string; role: BoardRole; locked: boolean }>();
    const rank = { view: 0, edit: 1, owner: 2 } as const;
    for (const token of tokens) {
      if (!isCapabilityShaped(token)) continue;
      const hash = hashCapability(token);
      const record = await this.store.findAccessByHash(hash);
      if (!record) continue;
      const role: BoardRole =
        hash === record.ownerHash ? 'owner' : hash === record.editHash ? 'edit' : 'view';
      const known = found.get(record.boardId);
      if (!known || rank[role] > rank[known.role]) {
        found.set(record.boardId, { boardId: record.boardId, role, locked: record.locked });
      }
    }
    return [...found.values()];
  }

  async setLocked(boardId: string, locked: boolean): Promise<void> {
    await this.store.setLocked(boardId, locked);
  }

  /** A new token for `link`; the old one stops working. Returns the new token and the old hash. */
  async rotate(boardId: string, link: BoardLink): Promise<{ token: string; oldHash: string } | undefined> {
    const record = await this.store.getAccess(boardId);
    if (!record) return undefined;
    const token = newCapability();
    const oldHash = link === 'edit' ? record.editHash : record.viewHash;
    await this.store.rotateLink(boardId, link, oldHash, hashCapability(token));
    return { token, oldHash };
  }
}
