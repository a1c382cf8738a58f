import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoardFile } from './parse.ts';

/** Whatever arrives, the parser answers with a result, never an exception, and errors always say where. */
function expectAnswer(input: unknown): void {
  const result = parseBoardFile(input);
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(50);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
}

// Thousands of generated inputs take seconds under load: more than Vitest's default 5 s per test.
describe('parseBoardFile fuzzing', { timeout: 60_000 }, () => {
  it('answers arbitrary JSON values without throwing', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), expectAnswer), { seed: 1125, numRuns: 3000 });
  });

  it('answers arbitrary text and bytes without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectAnswer), {
      seed: 2026,
      numRuns: 2000,
    });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), expectAnswer), { seed: 2027, numRuns: 1000 });
  });

  it('answers board-shaped objects with random contents without throwing', () => {
    const anything = fc.anything({ maxDepth: 3 });
    const element = fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 6 }), anything),
        kind: fc.oneof(
          fc.constantFrom('domainEvent', 'command', 'aggregate', 'boundedContext', 'policy'),
          anything,
        ),
        text: fc.oneof(fc.string(), anything),
        position: fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), anything),
        size: fc.oneof(fc.record({ width: fc.double(), height: fc.double() }), anything),
        z: fc.oneof(fc.constantFrom('V', 'a', '0', ''), anything),
        codeName: fc.oneof(fc.string(), anything),
        fields: fc.oneof(fc.array(anything, { maxLength: 3 }), anything),
        topic: anything,
      },
      { requiredKeys: [] },
    );
    const board = fc.record({
      format: fc.constant('squall.board'),
      version: fc.constant(1),
      name: fc.oneof(fc.string(), anything),
      level: fc.oneof(fc.constantFrom('design', 'process'), anything),
      elements: fc.oneof(fc.array(element, { maxLength: 8 }), anything),
      connections: fc.oneof(
        fc.array(
          fc.record({
            id: fc.string({ maxLength: 4 }),
            source: fc.string({ maxLength: 4 }),
            target: fc.string({ maxLength: 4 }),
          }),
          { maxLength: 4 },
        ),
        anything,
      ),
    });
    fc.assert(fc.property(board, expectAnswer), { seed: 77, numRuns: 3000 });
  });
});
