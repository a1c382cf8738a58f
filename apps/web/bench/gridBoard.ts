import type { BoardFile } from '@squall/model';

/** The grid of issue #16: 40 columns, 220 px apart, of 140×140 notes. */
export const GRID_COLUMNS = 40;
export const GRID_SPACING = 220;
export const GRID_NOTE = 140;

/**
 * `count` domain events "Note k" on the grid, and `count / 2` arrows, each even note to its right
 * neighbour (40 columns: that neighbour is always in the same row). The reference page builds the same
 * grid from `count` (`reference/main.tsx`).
 */
export function generateGrid(count: number): BoardFile {
  const elements = Array.from({ length: count }, (_, k) => ({
    id: `n${k}`,
    kind: 'domainEvent' as const,
    text: `Note ${k}`,
    position: { x: (k % GRID_COLUMNS) * GRID_SPACING, y: Math.floor(k / GRID_COLUMNS) * GRID_SPACING },
    size: { width: GRID_NOTE, height: GRID_NOTE },
    z: `V${k.toString(36)}1`,
    codeName: '',
    fields: [],
  }));
  const connections = Array.from({ length: Math.floor(count / 2) }, (_, i) => ({
    id: `c${i}`,
    source: `n${2 * i}`,
    target: `n${2 * i + 1}`,
  }));
  return {
    format: 'squall.board',
    version: 2,
    name: `Grid ${count}`,
    level: 'process',
    elements,
    connections,
  };
}
