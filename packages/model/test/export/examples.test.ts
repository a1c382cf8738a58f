import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatBoardFileErrors, lintBoard, parseBoardFile, snapshotFromBoardFile } from '../../src/index.ts';

const EXAMPLES = ['banking-payments', 'container-shipping'] as const;

function readExample(name: string) {
  const result = parseBoardFile(readFileSync(new URL(`../../examples/${name}.squall.json`, import.meta.url)));
  if (!result.ok) throw new Error(`${name}: ${formatBoardFileErrors(result.errors)}`);
  return snapshotFromBoardFile(result.file);
}

describe('example boards', () => {
  for (const name of EXAMPLES) {
    it(`${name} parses as a design-level board without lint errors or warnings`, () => {
      const board = readExample(name);
      expect(board.level).toBe('design');
      const problems = lintBoard(board).filter((issue) => issue.severity !== 'info');
      expect(problems).toEqual([]);
    });
  }

  it('the shipping example carries Korean sticky text', () => {
    const texts = readExample('container-shipping').elements.map((element) => element.text);
    expect(texts).toContain('주문 접수됨');
    expect(texts.filter((text) => /\p{Script=Hangul}/u.test(text)).length).toBeGreaterThanOrEqual(5);
  });
});
