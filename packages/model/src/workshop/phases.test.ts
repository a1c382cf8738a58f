import { describe, expect, it } from 'vitest';
import { lintBoard } from '../grammar/lint.ts';
import { ELEMENT_KINDS } from '../kinds.ts';
import { lintLevelForPhase, PHASE_INFO, paletteForPhase, WORKSHOP_PHASES } from './phases.ts';

describe('phases', () => {
  it('have the names the phase select shows', () => {
    expect(WORKSHOP_PHASES.map((phase) => PHASE_INFO[phase].label)).toEqual([
      'Chaotic exploration',
      'Enforce the timeline',
      'People and systems',
      'Problems and opportunities',
      'Pick your problem',
      'Process modelling',
      'Software design',
    ]);
  });

  it('put the phase kinds first in the palette and keep every other kind one click away', () => {
    for (const phase of WORKSHOP_PHASES) {
      const { first, more } = paletteForPhase(phase);
      expect([...first, ...more].sort()).toEqual([...ELEMENT_KINDS].sort());
      expect(new Set([...first, ...more]).size).toBe(ELEMENT_KINDS.length);
    }
    expect(paletteForPhase('chaoticExploration').first).toEqual(['domainEvent', 'hotspot']);
    expect(paletteForPhase('processModelling').first).toEqual(
      expect.arrayContaining(['command', 'policy', 'readModel', 'actor', 'externalSystem']),
    );
    expect(paletteForPhase('softwareDesign').first).toEqual(
      expect.arrayContaining(['aggregate', 'boundedContext']),
    );
    expect(paletteForPhase(undefined)).toEqual({ first: ELEMENT_KINDS, more: [] });
  });

  it('relax the lint during exploration: an unhandled command is not reported there', () => {
    const board = {
      schemaVersion: 1,
      level: 'design' as const,
      elements: [
        {
          id: 'c1',
          kind: 'command' as const,
          text: 'Pay',
          position: { x: 0, y: 0 },
          size: { width: 140, height: 140 },
          z: 'a0',
        },
      ],
      connections: [],
    } as unknown as Parameters<typeof lintBoard>[0];
    const codes = (phase: (typeof WORKSHOP_PHASES)[number]) =>
      lintBoard(board, { level: lintLevelForPhase(phase, board.level) }).map((issue) => issue.code);
    expect(codes('chaoticExploration')).not.toContain('command-without-handler');
    const design = lintBoard(board, { level: lintLevelForPhase('softwareDesign', 'bigPicture') });
    expect(design.find((issue) => issue.code === 'command-without-handler')?.severity).toBe('error');
    expect(lintLevelForPhase(undefined, 'process')).toBe('process');
  });
});
