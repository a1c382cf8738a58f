import { describe, expect, it } from 'vitest';
import { type Box, edgeSides } from './edgeSides.ts';

const note = (x: number, y: number, width = 140, height = 140): Box => ({ x, y, width, height });
const source = note(0, 0);

describe('edgeSides', () => {
  it('faces the target on whichever side it mostly is', () => {
    expect(edgeSides(source, note(300, 40))).toEqual({ source: 'right', target: 'left' });
    expect(edgeSides(source, note(-300, -40))).toEqual({ source: 'left', target: 'right' });
    expect(edgeSides(source, note(40, 300))).toEqual({ source: 'bottom', target: 'top' });
    expect(edgeSides(source, note(-40, -300))).toEqual({ source: 'top', target: 'bottom' });
  });

  it('goes down to a note below that overlaps the source’s column, though its centre is further to the side', () => {
    // Centres 150 apart across and 130 down; but the boxes overlap across and are 20 px apart down.
    const wide = note(20, 160, 400, 80);
    expect(edgeSides(source, wide)).toEqual({ source: 'bottom', target: 'top' });
  });

  it('goes across to a tall note beside the source, though its centre is further down', () => {
    // Centres 155 apart across and 190 down; but the boxes are 40 px apart across and overlap down.
    const tall = note(180, 60, 90, 400);
    expect(edgeSides(source, tall)).toEqual({ source: 'right', target: 'left' });
  });

  it('prefers across on an exact diagonal (timelines run left to right)', () => {
    expect(edgeSides(source, note(300, 300))).toEqual({ source: 'right', target: 'left' });
    expect(edgeSides(source, note(-300, 300))).toEqual({ source: 'left', target: 'right' });
  });

  it('swaps both sides when the arrow is reversed', () => {
    const other = note(-250, 400);
    const forth = edgeSides(source, other);
    const back = edgeSides(other, source);
    expect(back).toEqual({ source: forth.target, target: forth.source });
  });
});
