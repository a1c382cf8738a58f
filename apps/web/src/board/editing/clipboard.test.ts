import { connectElements, createElement, readBoard, serializeBoardFile } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clipboardContent, parseClipboardContent, pasteContent } from './clipboard.ts';

const origin = {};

describe('clipboard', () => {
  it('copies a frame with its contents and pastes them with new ids and connections', () => {
    const source = new Y.Doc();
    const frame = createElement(
      source,
      {
        kind: 'boundedContext',
        text: 'Payments',
        position: { x: 0, y: 0 },
        size: { width: 600, height: 400 },
      },
      origin,
    );
    const command = createElement(
      source,
      { kind: 'command', text: 'Pay', position: { x: 20, y: 20 } },
      origin,
    );
    const aggregate = createElement(
      source,
      { kind: 'aggregate', text: 'Payment', position: { x: 300, y: 20 } },
      origin,
    );
    createElement(source, { kind: 'actor', text: 'Outside', position: { x: 2000, y: 0 } }, origin);
    connectElements(source, { source: command, target: aggregate }, origin);

    const content = parseClipboardContent(serializeBoardFile(clipboardContent(source, new Set([frame]))));
    expect(content?.elements.map((element) => element.text).sort()).toEqual(['Pay', 'Payment', 'Payments']);

    const target = new Y.Doc();
    const ids = pasteContent(target, content!, { x: 40, y: 40 }, origin);
    const board = readBoard(target);
    expect(ids).toHaveLength(3);
    expect(board.elements.map((element) => element.id).sort()).toEqual([...ids].sort());
    expect(ids).not.toContain(frame);
    expect(board.connections).toHaveLength(1);
    const pasted = board.elements.find((element) => element.text === 'Pay');
    expect(pasted?.position).toEqual({ x: 60, y: 60 });
  });

  it('ignores text that is not a valid board file', () => {
    expect(parseClipboardContent('hello')).toBeUndefined();
    expect(parseClipboardContent('{"format":"other"}')).toBeUndefined();
    const broken = {
      format: 'squall.board',
      version: 1,
      name: 'x',
      level: 'process',
      elements: [{ id: 'a' }],
      connections: [],
    };
    expect(parseClipboardContent(JSON.stringify(broken))).toBeUndefined();
    expect(parseClipboardContent(null)).toBeUndefined();
  });
});
