import { mkdir, rename, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Changes to folders that can be undone: renames (atomic within one file system) and the folders
 * they needed, recorded as each one succeeds, so a failure part way can put everything back.
 */
export class FolderChange {
  private readonly undo: Array<() => Promise<void>> = [];

  /** Renames `from` to `to`, creating the folders `to` needs. */
  async move(from: string, to: string): Promise<void> {
    await this.makeFolders(dirname(to));
    await rename(from, to);
    this.undo.push(() => rename(to, from));
  }

  /** `mkdir -p`, remembering the folders it created (deepest first) to remove them on rollback. */
  async makeFolders(path: string): Promise<void> {
    const first = await mkdir(path, { recursive: true });
    if (first === undefined) return;
    const created: string[] = [];
    for (let folder = path; ; folder = dirname(folder)) {
      created.push(folder);
      if (folder === first || folder === dirname(folder)) break;
    }
    this.undo.push(async () => {
      for (const folder of created) await rmdir(folder);
    });
  }

  /** Undoes every change, the latest first; returns the errors of the steps that could not be undone. */
  async rollback(): Promise<unknown[]> {
    const errors: unknown[] = [];
    for (const step of this.undo.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}
