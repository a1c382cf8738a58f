import { type BoardElement, type Connection, type ElementKind, KIND_INFO } from '@squall/model';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { arrangedElements, arrangeInput } from './arrangeLayout.ts';

const el = (id: string, kind: ElementKind, x: number, y: number, size = KIND_INFO[kind].defaultSize) =>
  ({ id, kind, text: id, position: { x, y }, size, z: 'V', codeName: '', fields: [] }) as BoardElement;
const link = (source: string, target: string): Connection => ({ id: `${source}-${target}`, source, target });

async function arrange(elements: BoardElement[], connections: Connection[], scope?: ReadonlySet<string>) {
  const input = arrangeInput(elements, connections, scope)!;
  const layout = await new ELK().layout(input.graph);
  const moved = new Map(arrangedElements(elements, input, layout).map((entry) => [entry.id, entry]));
  return {
    moved,
    at: (id: string) => moved.get(id)?.position ?? elements.find((e) => e.id === id)!.position,
  };
}

describe('arrange flow (ELK layered, left to right)', () => {
  const chain = [
    el('actor', 'actor', 900, 500),
    el('cmd', 'command', 100, 800),
    el('agg', 'aggregate', 600, -300),
    el('evt', 'domainEvent', 0, 0),
    el('pol', 'policy', 300, 300),
    el('cmd2', 'command', -400, 100),
    el('rm', 'readModel', 50, 50),
  ];
  const links = [
    link('actor', 'cmd'),
    link('cmd', 'agg'),
    link('agg', 'evt'),
    link('evt', 'pol'),
    link('pol', 'cmd2'),
    link('evt', 'rm'),
  ];

  it('lays a scattered chain out left to right, each step right of the one before, nothing overlapping', async () => {
    const { at } = await arrange(chain, links);
    const xs = ['actor', 'cmd', 'agg', 'evt', 'pol', 'cmd2'].map((id) => at(id).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    // The read model sits beside the event it follows from: right of it.
    expect(at('rm').x).toBeGreaterThan(at('evt').x);
    for (const a of chain)
      for (const b of chain) {
        if (a.id >= b.id) continue;
        const [pa, pb] = [at(a.id), at(b.id)];
        const apart =
          pa.x + a.size.width <= pb.x ||
          pb.x + b.size.width <= pa.x ||
          pa.y + a.size.height <= pb.y ||
          pb.y + b.size.height <= pa.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    // It starts where the notes were: at their top-left.
    expect(Math.min(...chain.map((e) => at(e.id).x))).toBe(-400);
  });

  it('keeps a context’s notes inside it and resizes the frame to hold them', async () => {
    const context = el('ctx', 'boundedContext', 0, 0, { width: 2000, height: 1000 });
    const inside = [
      el('c', 'command', 100, 600),
      el('g', 'aggregate', 1500, 100),
      el('e', 'domainEvent', 900, 700),
    ];
    const outside = el('p', 'policy', 3000, 0);
    const { moved, at } = await arrange(
      [context, ...inside, outside],
      [link('c', 'g'), link('g', 'e'), link('e', 'p')],
    );
    const frame = moved.get('ctx')!;
    expect(frame.size).toBeDefined();
    for (const note of inside) {
      const p = at(note.id);
      expect(p.x).toBeGreaterThanOrEqual(frame.position.x);
      expect(p.y).toBeGreaterThanOrEqual(frame.position.y + 60);
      expect(p.x + note.size.width).toBeLessThanOrEqual(frame.position.x + frame.size!.width);
      expect(p.y + note.size.height).toBeLessThanOrEqual(frame.position.y + frame.size!.height);
    }
    const p = at('p');
    expect(p.x >= frame.position.x + frame.size!.width || p.y >= frame.position.y + frame.size!.height).toBe(
      true,
    );
  });

  it('keeps notes in their swimlanes, on the lane’s row, growing a lane that needs room', async () => {
    const lane = el('lane', 'swimlane', -200, 1000, { width: 5000, height: 200 });
    const notes = [
      el('a', 'command', 0, 1030),
      el('b', 'aggregate', 400, 1000),
      el('c', 'domainEvent', 900, 1030),
    ];
    const free = el('x', 'policy', 0, 0);
    const { moved, at } = await arrange(
      [lane, ...notes, free],
      [link('a', 'b'), link('b', 'c'), link('c', 'x')],
    );
    const grown = moved.get('lane');
    const laneBottom = 1000 + (grown?.size?.height ?? 200);
    for (const note of notes) {
      expect(at(note.id).y).toBeGreaterThanOrEqual(1000);
      expect(at(note.id).y + note.size.height).toBeLessThanOrEqual(laneBottom);
    }
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBeLessThan(at('c').x);
  });

  it('arranges only the selection when given one, and nothing without notes', async () => {
    const { moved } = await arrange(chain, links, new Set(['cmd', 'agg']));
    expect([...moved.keys()].sort()).toEqual(['agg', 'cmd']);
    expect(arrangeInput([el('lane', 'swimlane', 0, 0)], [])).toBeUndefined();
  });
});
