import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapPosition } from './textBinding.ts';

/** The delta a change makes to a Y.Text, as a remote edit would arrive. */
function deltaOf(initial: string, change: (text: Y.Text) => void): Y.YTextEvent['delta'] {
  const text = new Y.Doc().getText('t');
  text.insert(0, initial);
  let delta: Y.YTextEvent['delta'] = [];
  text.observe((event) => {
    delta = event.delta;
  });
  change(text);
  return delta;
}

describe('mapPosition', () => {
  it('moves the caret past text inserted before it, not after it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, '>> '));
    expect(mapPosition(5, delta)).toBe(8);
    expect(mapPosition(0, delta)).toBe(0);
    expect(
      mapPosition(
        5,
        deltaOf('hello world', (t) => t.insert(8, 'XX')),
      ),
    ).toBe(5);
  });

  it('pulls the caret back over text deleted before it, and into a deleted range', () => {
    expect(
      mapPosition(
        11,
        deltaOf('hello world', (t) => t.delete(0, 6)),
      ),
    ).toBe(5);
    expect(
      mapPosition(
        8,
        deltaOf('hello world', (t) => t.delete(4, 6)),
      ),
    ).toBe(4);
    expect(
      mapPosition(
        2,
        deltaOf('hello world', (t) => t.delete(4, 6)),
      ),
    ).toBe(2);
  });
});
