import { describe, expect, it } from 'vitest';
import { LEGAL_TARGETS } from '../grammar/rules.ts';
import { ELEMENT_KINDS } from '../kinds.ts';
import { flowStep, NEXT_KIND, PREVIOUS_KIND, STEP_GAP } from './steps.ts';
import { testElement } from './testElements.ts';

describe('the grammar’s next and previous element', () => {
  it('every step is a legal connection in its direction', () => {
    for (const kind of ELEMENT_KINDS) {
      const next = NEXT_KIND[kind];
      if (next) expect(LEGAL_TARGETS[kind]).toContain(next);
      const previous = PREVIOUS_KIND[kind];
      if (previous) expect(LEGAL_TARGETS[previous]).toContain(kind);
    }
  });

  it('walks the story actor → command → aggregate → event → policy → command', () => {
    const chain = ['actor'];
    for (let i = 0; i < 5; i++) chain.push(NEXT_KIND[chain.at(-1) as keyof typeof NEXT_KIND]!);
    expect(chain).toEqual(['actor', 'command', 'aggregate', 'domainEvent', 'policy', 'command']);
    expect(PREVIOUS_KIND.domainEvent).toBe('aggregate');
    expect(PREVIOUS_KIND.command).toBe('actor');
    expect(NEXT_KIND.readModel).toBeUndefined();
    expect(PREVIOUS_KIND.actor).toBeUndefined();
    for (const kind of ['hotspot', 'opportunity', 'boundedContext', 'swimlane'] as const) {
      expect(NEXT_KIND[kind]).toBeUndefined();
      expect(PREVIOUS_KIND[kind]).toBeUndefined();
    }
  });

  it('places the next note to the right, centred, and the previous one to the left', () => {
    const command = testElement('c', 'command', 0, 0);
    const next = flowStep([command], command, 'next')!;
    expect(next).toEqual({
      kind: 'aggregate',
      alternatives: ['aggregate', 'externalSystem'],
      position: { x: 140 + STEP_GAP, y: -30 },
      direction: 'next',
    });
    const previous = flowStep([command], command, 'previous')!;
    expect(previous).toEqual({
      kind: 'actor',
      alternatives: ['actor', 'policy'],
      position: { x: -STEP_GAP - 90, y: 25 },
      direction: 'previous',
    });
    const event = testElement('e', 'domainEvent', 0, 0);
    expect(flowStep([event], event, 'next')?.alternatives).toEqual(['policy', 'readModel']);
    expect(flowStep([event], event, 'previous')?.alternatives).toEqual(['aggregate', 'externalSystem']);
    expect(flowStep([command], testElement('r', 'readModel', 0, 0), 'next')).toBeUndefined();
  });

  it('moves down past notes already in the spot, but not past frames or lanes', () => {
    const event = testElement('e', 'domainEvent', 0, 0);
    const taken = testElement('p', 'policy', 200, 0);
    const lane = testElement('l', 'swimlane', -100, -100);
    const step = flowStep([lane, event, taken], event, 'next')!;
    expect(step.position.x).toBe(200);
    expect(step.position.y).toBe(140 + STEP_GAP / 2);
  });
});
