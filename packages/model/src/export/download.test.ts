import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BoardElement, BoardSnapshot } from '../elements.ts';
import { exportDownload } from './download.ts';
import { exportBoard } from './export-board.ts';

const at = (id: string, x: number) => ({
  id,
  position: { x, y: 100 },
  size: { width: 140, height: 140 },
  z: 'V',
  codeName: '',
});
const elements: BoardElement[] = [
  {
    ...at('ctx', 0),
    kind: 'boundedContext',
    text: 'Sales',
    topicPrefix: '',
    topic: {},
    size: { width: 2000, height: 900 },
  },
  { ...at('agg', 200), kind: 'aggregate', text: 'Order', keyField: '', topic: {} },
  { ...at('evt', 500), kind: 'domainEvent', text: 'Order Placed', fields: [] },
];
const board: BoardSnapshot = {
  schemaVersion: 1,
  level: 'design',
  elements,
  connections: [{ id: 'c1', source: 'agg', target: 'evt' }],
};

describe('exportDownload', () => {
  it('serves a single file as itself', () => {
    const download = exportDownload(exportBoard(board), 'asyncapi', 'Shop Board')!;
    expect(download.fileName).toBe('sales.asyncapi.yaml');
    expect(download.mediaType).toBe('application/yaml; charset=utf-8');
    expect(new TextDecoder().decode(download.body)).toContain('asyncapi: "3.0.0"');
  });

  it('zips several files under a folder named after the board and format', () => {
    const download = exportDownload(exportBoard(board), 'typescript', 'Shop Board')!;
    expect([download.fileName, download.mediaType]).toEqual(['shop-board-typescript.zip', 'application/zip']);
    expect(Object.keys(unzipSync(download.body))).toContain(
      'shop-board-typescript/typescript/sales/order.ts',
    );
    expect(exportDownload(exportBoard(board), 'zip', '')!.fileName).toBe('board-contracts.zip');
  });

  it('has nothing to serve for a format without files', () => {
    const empty: BoardSnapshot = { schemaVersion: 1, level: 'design', elements: [], connections: [] };
    expect(exportDownload(exportBoard(empty), 'asyncapi', 'Empty')).toBeUndefined();
  });
});
