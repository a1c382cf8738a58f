import { createElement, readBoard } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followerPositions, startFrameDrag } from './frameDrag.ts';

describe('frame drag', () => {
  it('moves what is inside the frame by the frame’s offset, and nothing outside', () => {
    const doc = new Y.Doc();
    const frame = createElement(
      doc,
      { kind: 'boundedContext', position: { x: 0, y: 0 }, size: { width: 500, height: 400 } },
      {},
    );
    const inside = createElement(doc, { kind: 'domainEvent', position: { x: 100, y: 100 } }, {});
    createElement(doc, { kind: 'domainEvent', position: { x: 900, y: 100 } }, {});
    const drag = startFrameDrag(readBoard(doc).elements, new Set([frame]));
    expect([...(drag?.followers.keys() ?? [])]).toEqual([inside]);
    const moved = followerPositions(drag!, new Map([[frame, { x: 30, y: -20 }]]));
    expect(moved.get(inside)).toEqual({ x: 130, y: 80 });
  });

  it('moves a swimlane’s notes with it, but not a context frame inside it', () => {
    const doc = new Y.Doc();
    const lane = createElement(
      doc,
      { kind: 'swimlane', position: { x: 0, y: 0 }, size: { width: 3000, height: 300 } },
      {},
    );
    const inside = createElement(doc, { kind: 'command', position: { x: 800, y: 100 } }, {});
    createElement(
      doc,
      { kind: 'boundedContext', position: { x: 0, y: 0 }, size: { width: 400, height: 200 } },
      {},
    );
    createElement(doc, { kind: 'command', position: { x: 800, y: 500 } }, {});
    const drag = startFrameDrag(readBoard(doc).elements, new Set([lane]));
    expect([...(drag?.followers.keys() ?? [])]).toEqual([inside]);
    expect(followerPositions(drag!, new Map([[lane, { x: 0, y: 50 }]])).get(inside)).toEqual({
      x: 800,
      y: 150,
    });
  });

  it('has nothing to do when no frame is dragged', () => {
    const doc = new Y.Doc();
    const note = createElement(doc, { kind: 'domainEvent', position: { x: 0, y: 0 } }, {});
    expect(startFrameDrag(readBoard(doc).elements, new Set([note]))).toBeNull();
  });
});
