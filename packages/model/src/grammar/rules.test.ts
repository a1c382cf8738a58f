import { describe, expect, it } from 'vitest';
import { ELEMENT_KINDS, type ElementKind } from '../kinds.ts';
import { checkConnection } from './rules.ts';

const LEGAL: ReadonlyArray<[ElementKind, ElementKind]> = [
  ['actor', 'command'],
  ['actor', 'readModel'],
  ['command', 'aggregate'],
  ['command', 'externalSystem'],
  ['aggregate', 'domainEvent'],
  ['externalSystem', 'domainEvent'],
  ['domainEvent', 'policy'],
  ['policy', 'command'],
  ['domainEvent', 'readModel'],
];

describe('checkConnection', () => {
  const pairs = ELEMENT_KINDS.flatMap((source) => ELEMENT_KINDS.map((target) => [source, target] as const));

  it.each(pairs)('%s → %s follows the Event Storming grammar', (source, target) => {
    const result = checkConnection(source, target);
    const legal = LEGAL.some(([s, t]) => s === source && t === target);
    expect(result.legal).toBe(legal);
    if (!result.legal) expect(result.reason.length).toBeGreaterThan(20);
  });

  it.each([
    ['domainEvent', 'command', /policy/],
    ['command', 'domainEvent', /aggregate or external system/],
    ['readModel', 'actor', /other way/],
    ['hotspot', 'domainEvent', /Hotspots stand alone/],
    ['domainEvent', 'hotspot', /Hotspots stand alone/],
    ['command', 'boundedContext', /frame/],
    ['actor', 'aggregate', /command/],
    ['policy', 'readModel', /leads to a command/],
  ] as const)('explains why %s → %s is refused', (source, target, reason) => {
    const result = checkConnection(source, target);
    expect(result.legal).toBe(false);
    expect(!result.legal && result.reason).toMatch(reason);
  });
});
