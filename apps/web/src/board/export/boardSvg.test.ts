import { connectElements, createElement, readBoard, writeBoardContent } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectionPath } from '../canvas/connectionPath.ts';
import { boardSvg, wrapText } from './boardSvg.ts';

describe('boardSvg', () => {
  it('draws every element with its text escaped, and the connections', () => {
    const doc = new Y.Doc();
    const command = createElement(
      doc,
      { kind: 'command', text: 'Pay <now> & "go"', position: { x: 0, y: 0 } },
      {},
    );
    const aggregate = createElement(doc, { kind: 'aggregate', text: '결제', position: { x: 300, y: 0 } }, {});
    connectElements(doc, { source: command, target: aggregate }, {});
    const svg = boardSvg(readBoard(doc));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Pay &lt;now&gt; &amp; &quot;go&quot;');
    expect(svg).toContain('결제');
    expect(svg).toContain('marker-end="url(#arrow)"');
    expect(isBalanced(svg)).toBe(true);
  });

  it('draws an arrow to a note on the left from the source’s left side, as the canvas does', () => {
    const doc = new Y.Doc();
    const policy = createElement(doc, { kind: 'policy', text: 'Then', position: { x: 400, y: 0 } }, {});
    const command = createElement(doc, { kind: 'command', text: 'Ship', position: { x: 0, y: 20 } }, {});
    connectElements(doc, { source: policy, target: command }, {});
    const board = readBoard(doc);
    const [from, to] = [policy, command].map((id) => board.elements.find((e) => e.id === id)!);
    const expected = connectionPath({ ...from!.position, ...from!.size }, { ...to!.position, ...to!.size });
    const d = /<path d="(M[^"]+)" fill="none"/.exec(boardSvg(board))?.[1];
    expect(d).toBe(expected.path);
    // Out of the policy's left border (x 400), into the command's right border (x 140).
    expect(d).toMatch(/^M395,/);
    expect(d).toMatch(/ 145,\d+$/);
  });

  it('draws swimlanes behind the notes, connection labels, illegal arrows and pivotal phase lines', () => {
    const doc = new Y.Doc();
    const note = (id: string, kind: 'command' | 'domainEvent' | 'aggregate', x: number, extra = {}) => ({
      id,
      kind,
      text: `${kind} ${id}`,
      position: { x, y: 40 },
      size: { width: 140, height: 140 },
      z: `V${id}`,
      codeName: '',
      ...(kind === 'aggregate' ? { keyField: '', topic: {} } : { fields: [] }),
      ...extra,
    });
    writeBoardContent(
      doc,
      {
        level: 'process',
        elements: [
          note('c', 'command', 0),
          note('g', 'aggregate', 300),
          note('e', 'domainEvent', 600, { pivotal: true }),
          {
            id: 'lane',
            kind: 'swimlane',
            text: 'Customer <lane>',
            position: { x: -100, y: 0 },
            size: { width: 1200, height: 240 },
            z: 'Vz',
            codeName: '',
          },
        ] as never,
        connections: [
          { id: 'k1', source: 'c', target: 'g', label: 'handled by' },
          { id: 'k2', source: 'c', target: 'e' },
        ],
      },
      {},
    );
    const svg = boardSvg(readBoard(doc));
    expect(isBalanced(svg)).toBe(true);
    // The lane comes first (painted behind), though its z is above the notes'.
    expect(svg.indexOf('Swimlane: Customer &lt;lane&gt;')).toBeGreaterThan(0);
    expect(svg.indexOf('Swimlane: Customer')).toBeLessThan(svg.indexOf('Command: command c'));
    expect(svg).toContain('>handled by</text>');
    expect(svg.match(/class="illegal"/g)).toHaveLength(1);
    expect(svg).toContain('Illegal connection: A command does not produce an event by itself');
    expect(svg).toContain('marker-end="url(#arrow-illegal)"');
    expect(svg).toContain('Phase border: domainEvent e');
    expect(svg).toMatch(/<line x1="670" /);
  });

  it('draws only the chosen elements', () => {
    const doc = new Y.Doc();
    const kept = createElement(doc, { kind: 'domainEvent', text: 'Kept', position: { x: 0, y: 0 } }, {});
    createElement(doc, { kind: 'domainEvent', text: 'Left out', position: { x: 300, y: 0 } }, {});
    const svg = boardSvg(readBoard(doc), new Set([kept]));
    expect(svg).toContain('Kept');
    expect(svg).not.toContain('Left out');
  });
});

describe('wrapText', () => {
  it('wraps long text at word boundaries and keeps line breaks', () => {
    expect(wrapText('one two three four five six seven', 60, 16).length).toBeGreaterThan(1);
    expect(wrapText('a\nb', 200, 16)).toEqual(['a', 'b']);
  });
});

/** Every opened element is closed (the node test environment has no XML parser). */
function isBalanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}
