import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardSnapshot,
  COMPATIBILITY_MODES,
  diffBoards,
  diffFacts,
  type SchemaChangeFact,
} from '../../src/index.ts';
import { RANDOM_SEED, randomBoard } from '../export/helpers/random-board.ts';

const PAYLOAD_KINDS = new Set([
  'field-added',
  'field-removed',
  'field-renamed',
  'field-retyped',
  'field-made-required',
  'field-made-optional',
  'enum-values-added',
  'enum-values-removed',
]);

/** The board with one required top-level field of one event removed, or undefined when it has none. */
function withoutRequiredField(board: BoardSnapshot, pick: number): BoardSnapshot | undefined {
  const candidates = board.elements.flatMap((element) =>
    element.kind === 'domainEvent'
      ? element.fields.filter((field) => field.required).map((field) => ({ element, field }))
      : [],
  );
  const chosen = candidates[pick % Math.max(1, candidates.length)];
  if (!chosen) return undefined;
  return {
    ...board,
    elements: board.elements.map((element) =>
      element === chosen.element
        ? { ...chosen.element, fields: chosen.element.fields.filter((field) => field !== chosen.field) }
        : element,
    ),
  };
}

const count = (facts: readonly SchemaChangeFact[], direction: 'backward' | 'forward') =>
  facts.filter((fact) => PAYLOAD_KINDS.has(fact.kind) && fact.breaks[direction] !== undefined).length;

describe('diff properties on random boards', () => {
  it('a board diffed against itself (in any element order) has no changes, so it is compatible in every mode', () => {
    fc.assert(
      fc.property(randomBoard, (board) => {
        const shuffled = { ...board, elements: [...board.elements].reverse() };
        expect(diffFacts(board, board)).toEqual([]);
        expect(diffFacts(board, shuffled)).toEqual([]);
        for (const mode of COMPATIBILITY_MODES)
          expect(diffBoards(board, board, { mode }).compatible).toBe(true);
      }),
      { seed: RANDOM_SEED, numRuns: 40 },
    );
  });

  it('removing a required field is breaking in backward and full modes', () => {
    let checked = 0;
    fc.assert(
      fc.property(randomBoard, fc.nat(), (board, pick) => {
        const after = withoutRequiredField(board, pick);
        if (!after) return;
        checked++;
        for (const mode of ['backward', 'full'] as const) {
          const diff = diffBoards(board, after, { mode });
          expect(diff.compatible).toBe(false);
          // A key-colliding twin field may take over the key; then the removal shows as a retype or a move.
          expect(diff.changes.some((change) => change.breaking && PAYLOAD_KINDS.has(change.kind))).toBe(true);
        }
      }),
      { seed: RANDOM_SEED, numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('what breaks backward from a to b breaks forward from b to a (payload changes)', () => {
    let seen = 0;
    fc.assert(
      fc.property(randomBoard, randomBoard, (a, b) => {
        const there = diffFacts(a, b);
        const back = diffFacts(b, a);
        expect(count(there, 'backward')).toBe(count(back, 'forward'));
        expect(count(there, 'forward')).toBe(count(back, 'backward'));
        seen += count(there, 'backward');
      }),
      { seed: RANDOM_SEED, numRuns: 30 },
    );
    // Random boards share element ids (by position in the board), so their events pair up and differ.
    expect(seen).toBeGreaterThan(20);
  });

  it('any two boards compare without throwing; the verdict matches the changes', () => {
    fc.assert(
      fc.property(randomBoard, randomBoard, fc.constantFrom(...COMPATIBILITY_MODES), (a, b, mode) => {
        const diff = diffBoards(a, b, { mode });
        expect(diff.compatible).toBe(diff.changes.every((change) => !change.breaking));
        for (const change of diff.changes) expect(change.reason).toMatch(/\w{3}/);
      }),
      { seed: RANDOM_SEED, numRuns: 30 },
    );
  });
});
