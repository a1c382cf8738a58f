import type { BoardElement, ElementKind } from '@squall/model';
import { describe, expect, it } from 'vitest';
import { connectionEdge } from '../canvas/connectionEdge.ts';
import { type ElementNode, elementNode } from '../canvas/elementNode.ts';
import {
  elementAt,
  elementsInside,
  FAR_INTERACTIVE_LIMIT,
  FRAME_LABEL_BAND,
  farLines,
  farShapes,
  interactiveAtFar,
} from './farBoard.ts';

function element(
  id: string,
  kind: ElementKind,
  x: number,
  y: number,
  width = 140,
  height = 140,
): BoardElement {
  return {
    id,
    kind,
    text: id,
    position: { x, y },
    size: { width, height },
    z: 'V',
    codeName: '',
  } as BoardElement;
}

const node = (...args: Parameters<typeof element>): ElementNode => elementNode(element(...args));
const selected = (n: ElementNode): ElementNode => ({ ...n, selected: true });

describe('farShapes', () => {
  const a = node('a', 'domainEvent', 0, 0);
  const b = node('b', 'command', 1000, 0);
  const far = node('far', 'policy', 50_000, 0);

  it('places each node in screen pixels of the viewport transform, in paint order', () => {
    const shapes = farShapes([a, b], [100, 50, 0.1], 800, 600);
    expect(shapes.map((shape) => [shape.node.id, shape.x, shape.y, shape.width, shape.height])).toEqual([
      ['a', 100, 50, 14, 14],
      ['b', 200, 50, 14, 14],
    ]);
  });

  it('leaves out what is outside the pane, and keeps what only touches it', () => {
    expect(farShapes([a, b, far], [0, 0, 0.1], 800, 600).map((shape) => shape.node.id)).toEqual(['a', 'b']);
    // `a` ends 6 px left of the pane's edge; `b` starts at its right edge.
    expect(farShapes([a, b], [-20, 0, 0.1], 80, 600).map((shape) => shape.node.id)).toEqual(['b']);
  });

  it('follows a resize in progress (the node’s size, not the stored one)', () => {
    const resizing = { ...a, width: 400, height: 200 };
    const [shape] = farShapes([resizing], [0, 0, 0.1], 800, 600);
    expect([shape!.width, shape!.height]).toEqual([40, 20]);
  });
});

describe('farLines', () => {
  const command = element('c', 'command', 0, 0);
  const aggregate = element('g', 'aggregate', 400, 0);
  const elements = new Map([command, aggregate].map((e) => [e.id, e]));
  const nodeById = new Map([command, aggregate].map((e) => [e.id, elementNode(e)]));
  const edge = connectionEdge({ id: 'x', source: 'c', target: 'g' }, elements);

  it('draws a connection between the facing sides, in screen pixels', () => {
    const [line] = farLines([edge], nodeById, [10, 20, 0.5], 800, 600);
    // Right side of `c` (x 140 + 5) to the left side of `g` (x 400 − 5), at mid-height (y 70).
    expect(line).toMatchObject({ x1: 10 + 145 * 0.5, y1: 20 + 35, x2: 10 + 395 * 0.5, y2: 20 + 35 });
  });

  it('skips connections out of view or with an end it does not know', () => {
    expect(farLines([edge], nodeById, [0, -1000, 0.5], 800, 600)).toEqual([]);
    expect(farLines([edge], new Map([['c', nodeById.get('c')!]]), [0, 0, 0.5], 800, 600)).toEqual([]);
  });
});

describe('elementAt', () => {
  const frame = node('frame', 'boundedContext', 0, 0, 2000, 1000);
  const low = node('low', 'domainEvent', 100, 300);
  const high = node('high', 'command', 150, 350);
  // Paint order: frames first, then by z.
  const nodes = [frame, low, high];

  it('finds the topmost note under the point', () => {
    expect(elementAt(nodes, { x: 200, y: 400 }, 0.1)).toBe('high');
    expect(elementAt(nodes, { x: 110, y: 310 }, 0.1)).toBe('low');
  });

  it('hits a frame only in its name band, which keeps its screen height at any zoom', () => {
    expect(elementAt(nodes, { x: 1500, y: 800 }, 0.1)).toBeNull();
    const band = FRAME_LABEL_BAND / 0.1;
    expect(elementAt(nodes, { x: 1500, y: band - 1 }, 0.1)).toBe('frame');
    expect(elementAt(nodes, { x: 1500, y: band + 1 }, 0.1)).toBeNull();
    expect(elementAt(nodes, { x: 1500, y: band - 1 }, 0.05)).toBe('frame');
  });

  it('misses the empty board', () => {
    expect(elementAt(nodes, { x: 5000, y: 10 }, 0.1)).toBeNull();
  });
});

describe('elementsInside', () => {
  it('picks the elements wholly inside the area, as React Flow’s selection box does', () => {
    const nodes = [
      node('in', 'actor', 100, 100),
      node('across', 'actor', 250, 100),
      node('out', 'actor', 900, 0),
    ];
    expect(elementsInside(nodes, { x: 50, y: 50, width: 300, height: 300 })).toEqual(['in']);
    expect(elementsInside(nodes, { x: 50, y: 50, width: 400, height: 300 })).toEqual(['in', 'across']);
  });
});

describe('interactiveAtFar', () => {
  const nodes = [
    selected(node('a', 'actor', 0, 0)),
    node('b', 'actor', 200, 0),
    selected(node('c', 'actor', 400, 0)),
  ];

  it('gives React Flow the selected elements only', () => {
    expect(interactiveAtFar(nodes, []).map((n) => n.id)).toEqual(['a', 'c']);
  });

  it('returns the previous array while the selected node objects are the same', () => {
    const first = interactiveAtFar(nodes, []);
    const unselectedChanged = [nodes[0]!, { ...nodes[1]!, position: { x: 1, y: 1 } }, nodes[2]!];
    expect(interactiveAtFar(unselectedChanged, first)).toBe(first);
    const selectedMoved = [{ ...nodes[0]!, position: { x: 5, y: 5 } }, nodes[1]!, nodes[2]!];
    expect(interactiveAtFar(selectedMoved, first)).not.toBe(first);
  });

  it('gives React Flow nothing when the selection is too large to stay light', () => {
    const many = Array.from({ length: FAR_INTERACTIVE_LIMIT + 1 }, (_, i) =>
      selected(node(`n${i}`, 'actor', i * 200, 0)),
    );
    expect(interactiveAtFar(many, [])).toEqual([]);
    expect(interactiveAtFar(many.slice(1), [])).toHaveLength(FAR_INTERACTIVE_LIMIT);
  });
});
