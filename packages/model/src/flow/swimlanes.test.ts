import { describe, expect, it } from 'vitest';
import { contextMembership, elementsInContext } from '../grammar/containment.ts';
import { swimlaneMembership } from './swimlanes.ts';
import { testElement } from './testElements.ts';

describe('swimlaneMembership', () => {
  it('a note belongs to the lane its centre is in (the narrower one where lanes nest)', () => {
    const elements = [
      testElement('wide', 'swimlane', 0, 0, { size: { width: 3000, height: 1000 } }),
      testElement('inner', 'swimlane', 0, 300, { size: { width: 3000, height: 200 } }),
      testElement('a', 'domainEvent', 100, 50),
      testElement('b', 'command', 100, 330),
      testElement('c', 'actor', 100, 2000),
      testElement('ctx', 'boundedContext', 0, 0),
    ];
    const membership = swimlaneMembership(elements);
    expect(membership.get('a')?.id).toBe('wide');
    expect(membership.get('b')?.id).toBe('inner');
    expect(membership.has('c')).toBe(false);
    expect(membership.has('ctx')).toBe(false);
  });

  it('a lane is never inside a context: moving the context leaves the lane', () => {
    const elements = [
      testElement('ctx', 'boundedContext', 0, 0, { size: { width: 3000, height: 3000 } }),
      testElement('lane', 'swimlane', 100, 100, { size: { width: 1000, height: 200 } }),
      testElement('e', 'domainEvent', 200, 120),
    ];
    expect(elementsInContext(elements, 'ctx')).toEqual(['e']);
    expect(contextMembership(elements).has('lane')).toBe(false);
  });
});
