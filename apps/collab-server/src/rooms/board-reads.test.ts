import { createElements, migrateBoardDoc, parseBoardFile, readBoard } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardReads } from './board-reads.ts';

function boardWithEvent(): Y.Doc {
  const doc = new Y.Doc();
  migrateBoardDoc(doc, 'test');
  createElements(
    doc,
    [{ id: 'e1', kind: 'domainEvent', text: 'Payment Requested', position: { x: 0, y: 0 } }],
    'test',
  );
  return doc;
}

describe('BoardReads', () => {
  it('serves the same file text until the document changes, then the changed board', () => {
    const doc = boardWithEvent();
    const reads = new BoardReads(doc);
    const first = reads.fileText('Payments');
    expect(reads.fileText('Payments')).toBe(first);
    const parsed = parseBoardFile(JSON.parse(first));
    expect(parsed.ok && parsed.file.elements.map((element) => element.text)).toEqual(['Payment Requested']);

    createElements(
      doc,
      [{ id: 'e2', kind: 'command', text: 'Request Payment', position: { x: 200, y: 0 } }],
      'test',
    );
    const changed = reads.fileText('Payments');
    expect(changed).not.toBe(first);
    expect(JSON.parse(changed).elements).toHaveLength(2);
    expect(reads.counts()).toEqual({ elementCount: 2, connectionCount: 0 });
    expect(reads.snapshot()).toEqual(readBoard(doc));
  });

  it('names the file after the board as it is named now', () => {
    const reads = new BoardReads(boardWithEvent());
    expect(JSON.parse(reads.fileText('Before')).name).toBe('Before');
    expect(JSON.parse(reads.fileText('After')).name).toBe('After');
  });
});
