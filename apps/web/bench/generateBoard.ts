import type { BoardFile, ElementKind } from '@squall/model';

/** Column kinds repeat command → aggregate → event → policy, so every generated arrow is legal. */
const COLUMN_KINDS: readonly ElementKind[] = ['command', 'aggregate', 'domainEvent', 'policy'];
const COLUMNS = 40;
const SPACING = 220;
const NOTE = 140;

/**
 * A board of `count` notes on a 40-column grid, 220 px apart, and half as many connections
 * (each even column to its right neighbour), as the canvas benchmark of issue #4 describes.
 */
export function generateBoard(count: number): BoardFile {
  const elements = Array.from({ length: count }, (_, index) => {
    const column = index % COLUMNS;
    const row = Math.floor(index / COLUMNS);
    const kind = COLUMN_KINDS[column % COLUMN_KINDS.length]!;
    const base = {
      id: `n${index}`,
      kind,
      text: `${kind} ${row}-${column}`,
      position: { x: column * SPACING, y: row * SPACING },
      size: { width: NOTE, height: NOTE },
      z: `V${index.toString(36)}1`,
      codeName: '',
    };
    if (kind === 'command' || kind === 'domainEvent') return { ...base, kind, fields: [] };
    if (kind === 'aggregate') return { ...base, kind, keyField: '', topic: {} };
    return { ...base, kind } as const;
  });
  const connections = elements
    .filter((_, index) => index % 2 === 0 && index + 1 < count)
    .map((element, i) => ({
      id: `c${i}`,
      source: element.id,
      target: `n${Number(element.id.slice(1)) + 1}`,
    }));
  return {
    format: 'squall.board',
    version: 2,
    name: `Bench ${count}`,
    level: 'process',
    elements: elements as BoardFile['elements'],
    connections,
  };
}
