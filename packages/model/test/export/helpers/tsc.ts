import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './boards.ts';

const run = promisify(execFile);

export interface TscOutcome {
  readonly code: number;
  /** `path(line,col): error TSxxxx: message` lines, paths relative to the checked folder. */
  readonly errors: string[];
}

/**
 * Type-checks every `.ts` file under `dir` in one run of the repo's native TypeScript 7 `tsc`, strict and
 * with the options consumers are most likely to turn on. One run for everything keeps it fast.
 */
export async function typeCheck(dir: string): Promise<TscOutcome> {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        types: [],
      },
      include: ['**/*.ts'],
    }),
  );
  const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
  try {
    await run(tsc, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, errors: [] };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, errors: stdout.split('\n').filter((line) => line.includes('error TS')) };
  }
}
