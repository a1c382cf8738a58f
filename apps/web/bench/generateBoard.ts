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

const LANES = 8;
const CONTEXTS_PER_ROW = 4;

/**
 * `generateBoard(count)` in swimlanes and bounded contexts (issue #12's large board): the grid's rows
 * in eight horizontal lanes across the whole board, and the columns in four contexts per lane.
 */
export function generateLanedBoard(count: number): BoardFile {
  const board = generateBoard(count);
  const rows = Math.ceil(count / COLUMNS);
  const laneRows = Math.ceil(rows / LANES);
  const width = COLUMNS * SPACING + 200;
  const lanes = Array.from({ length: LANES }, (_, lane) => ({
    id: `lane${lane}`,
    kind: 'swimlane' as const,
    text: `Lane ${lane + 1}`,
    position: { x: -150, y: lane * laneRows * SPACING - 40 },
    size: { width: width + 100, height: laneRows * SPACING },
    z: `1${lane}1`,
    codeName: '',
  }));
  const contexts = lanes.flatMap((lane, index) =>
    Array.from({ length: CONTEXTS_PER_ROW }, (_, part) => ({
      id: `ctx${index}-${part}`,
      kind: 'boundedContext' as const,
      text: `Context ${index + 1}.${part + 1}`,
      position: { x: -100 + (part * width) / CONTEXTS_PER_ROW, y: lane.position.y + 10 },
      size: { width: width / CONTEXTS_PER_ROW - 20, height: lane.size.height - 20 },
      z: `2${index}${part}1`,
      codeName: '',
      topicPrefix: '',
      topic: {},
    })),
  );
  return {
    ...board,
    name: `Bench ${count} in lanes and contexts`,
    elements: [...lanes, ...contexts, ...board.elements],
  };
}
