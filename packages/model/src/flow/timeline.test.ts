import { describe, expect, it } from 'vitest';
import type { BoardElement } from '../elements.ts';
import { testElement } from './testElements.ts';
import { enforceTimeline, PHASE_GAP, TIMELINE_GAP } from './timeline.ts';

function apply(elements: BoardElement[], scope?: ReadonlySet<string>): Map<string, { x: number; y: number }> {
  const at = new Map(elements.map((element) => [element.id, element.position]));
  for (const move of enforceTimeline(elements, scope)) at.set(move.id, move.to);
  return at;
}

describe('enforceTimeline', () => {
  it('keeps the order of x, removes overlaps and aligns events outside lanes on one row', () => {
    const elements = [
      testElement('b', 'domainEvent', 100, 40),
      testElement('a', 'domainEvent', 0, 0),
      testElement('c', 'domainEvent', 150, 300),
      testElement('d', 'domainEvent', 2000, 20),
      testElement('cmd', 'command', 10, 10),
    ];
    const at = apply(elements);
    // The row's centre is the median of the centres 70, 110, 370 and 90: 100, so y = 100 - 70.
    expect(at.get('a')).toEqual({ x: 0, y: 30 });
    expect(at.get('b')).toEqual({ x: 140 + TIMELINE_GAP, y: 30 });
    expect(at.get('c')).toEqual({ x: 2 * (140 + TIMELINE_GAP), y: 30 });
    expect(at.get('d')).toEqual({ x: 2000, y: 30 });
    expect(at.get('cmd')).toEqual({ x: 10, y: 10 });
  });

  it('puts each lane’s events on the lane’s row; parallel lanes may share an x, order never inverts', () => {
    const elements = [
      testElement('top', 'swimlane', -200, 0, { size: { width: 4000, height: 200 } }),
      testElement('bottom', 'swimlane', -200, 200, { size: { width: 4000, height: 300 } }),
      testElement('t1', 'domainEvent', 0, 10),
      testElement('b1', 'domainEvent', 50, 330),
      testElement('t2', 'domainEvent', 60, 40),
      testElement('b2', 'domainEvent', 100, 250),
    ];
    const at = apply(elements);
    expect(at.get('t1')).toEqual({ x: 0, y: 30 });
    expect(at.get('b1')).toEqual({ x: 50, y: 280 });
    expect(at.get('t2')).toEqual({ x: 160, y: 30 });
    expect(at.get('b2')).toEqual({ x: 210, y: 280 });
    const xs = ['t1', 'b1', 't2', 'b2'].map((id) => at.get(id)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('makes pivotal events phase borders across every row', () => {
    const elements = [
      testElement('top', 'swimlane', -200, 0, { size: { width: 4000, height: 200 } }),
      testElement('bottom', 'swimlane', -200, 200, { size: { width: 4000, height: 300 } }),
      testElement('t1', 'domainEvent', 0, 30),
      testElement('b1', 'domainEvent', 90, 280),
      testElement('pivot', 'domainEvent', 100, 30, { pivotal: true }),
      testElement('b2', 'domainEvent', 120, 280),
    ];
    const at = apply(elements);
    // b1 ends at 230: the pivotal event starts PHASE_GAP after it, though it is on another row.
    expect(at.get('pivot')!.x).toBe(90 + 140 + PHASE_GAP);
    // Everything after the pivotal event starts PHASE_GAP after its right edge.
    expect(at.get('b2')!.x).toBe(at.get('pivot')!.x + 140 + PHASE_GAP);
  });

  it('touches only the scope when given one, and leaves an ordered timeline as it is', () => {
    const elements = [
      testElement('a', 'domainEvent', 0, 0),
      testElement('b', 'domainEvent', 10, 0),
      testElement('c', 'domainEvent', 20, 0),
    ];
    const moves = enforceTimeline(elements, new Set(['a', 'c']));
    expect(moves.map((move) => move.id)).toEqual(['c']);
    const once = apply(elements);
    const again = elements.map((element) => ({ ...element, position: once.get(element.id)! }));
    expect(enforceTimeline(again)).toEqual([]);
  });

  it('orders 1,000 random events without overlaps on any row', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const lanes = [0, 1, 2].map((i) =>
      testElement(`lane${i}`, 'swimlane', -500, i * 400, { size: { width: 200000, height: 400 } }),
    );
    const events = Array.from({ length: 1000 }, (_, i) =>
      testElement(`e${i}`, 'domainEvent', Math.round(random() * 20000), Math.round(random() * 1100), {
        pivotal: i % 97 === 0 ? true : undefined,
      }),
    );
    const at = apply([...lanes, ...events]);
    const placed = events
      .map((event) => ({ ...event, position: at.get(event.id)! }))
      .sort((a, b) => a.position.x - b.position.x);
    const byRow = new Map<number, typeof placed>();
    for (const event of placed) byRow.set(event.position.y, [...(byRow.get(event.position.y) ?? []), event]);
    expect(byRow.size).toBe(3);
    for (const row of byRow.values()) {
      for (let i = 1; i < row.length; i++) {
        expect(row[i]!.position.x).toBeGreaterThanOrEqual(row[i - 1]!.position.x + 140 + TIMELINE_GAP);
      }
    }
    // The original left-to-right order is the order on the timeline.
    const original = [...events].sort(
      (a, b) => a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1),
    );
    const xs = original.map((event) => at.get(event.id)!.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });
});
