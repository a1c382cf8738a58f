import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BoardElement, BoardSnapshot, Connection } from '../elements.ts';
import { exportBoard, exportTypeScript } from './export-board.ts';
import { selectExportFiles } from './select-files.ts';
import { zipExport } from './zip.ts';

const note = (id: string, x: number, y = 100) => ({
  id,
  position: { x, y },
  size: { width: 140, height: 140 },
  z: 'V',
  codeName: '',
});

/** Sales context with an Order aggregate; an event outside every frame; a policy in Billing. */
function board(extra: { elements?: BoardElement[]; connections?: Connection[] } = {}): BoardSnapshot {
  const elements: BoardElement[] = [
    {
      ...note('ctx-sales', 0, 0),
      kind: 'boundedContext',
      text: 'Sales',
      topicPrefix: '',
      topic: {},
      size: { width: 1000, height: 600 },
    },
    {
      ...note('ctx-billing', 1200, 0),
      kind: 'boundedContext',
      text: 'Billing',
      topicPrefix: '',
      topic: { partitions: 2 },
      size: { width: 1000, height: 600 },
    },
    {
      ...note('agg-order', 300),
      kind: 'aggregate',
      text: 'Order',
      keyField: '',
      topic: { compaction: true },
    },
    { ...note('cmd-place', 100), kind: 'command', text: 'Place Order', fields: [] },
    {
      ...note('evt-placed', 600),
      kind: 'domainEvent',
      text: 'Order Placed',
      fields: [
        { id: 'f1', name: 'orderId', type: { kind: 'uuid' }, required: true },
        {
          id: 'f2',
          name: 'Total Amount',
          type: { kind: 'number' },
          required: true,
          description: 'incl. VAT',
        },
      ],
    },
    { ...note('pol-invoice', 1300), kind: 'policy', text: 'invoice placed orders' },
    { ...note('evt-lost', 5000), kind: 'domainEvent', text: 'Order Lost', fields: [] },
    ...(extra.elements ?? []),
  ];
  const connections: Connection[] = [
    { id: 'c1', source: 'cmd-place', target: 'agg-order' },
    { id: 'c2', source: 'agg-order', target: 'evt-placed' },
    { id: 'c3', source: 'evt-placed', target: 'pol-invoice' },
    ...(extra.connections ?? []),
  ];
  return { schemaVersion: 1, level: 'design', elements, connections };
}

describe('exportBoard', () => {
  it('is deterministic: same board (in any element order), same bytes, files sorted by path', () => {
    const a = exportBoard(board());
    const shuffled = { ...board(), elements: [...board().elements].reverse() };
    const b = exportBoard(shuffled);
    expect(b.files).toEqual(a.files);
    expect(a.files.map((file) => file.path)).toEqual([...a.files.map((file) => file.path)].sort());
    expect(zipExport(a.files)).toEqual(zipExport(b.files));
  });

  it('maps the aggregate to a compacted topic with its default key and fields to camelCase keys', () => {
    const { files } = exportBoard(board(), { org: 'Acme Corp' });
    const topics = JSON.parse(files.find((file) => file.path === 'topics/topics.json')!.contents);
    expect(topics.topics).toEqual([
      // The policy in Billing consumes Order Placed: its dead letters have a topic.
      expect.objectContaining({ name: 'acme-corp.billing.dead-letter', kind: 'dead-letter' }),
      expect.objectContaining({
        name: 'acme-corp.sales.order.events',
        keyField: 'orderId',
        config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' },
      }),
    ]);
    const schema = JSON.parse(
      files.find((file) => file.path === 'jsonschema/sales/order/order-placed.v1.schema.json')!.contents,
    );
    expect(schema.properties.totalAmount).toEqual({
      description: 'incl. VAT Board field: "Total Amount".',
      type: 'number',
    });
    expect(schema.$id).toBe('urn:squall:schema:com.acme-corp.sales.order.OrderPlaced.v1');
  });

  it('reports the lint issues that shape the output, and keeps exporting', () => {
    const result = exportBoard(board());
    const codes = result.warnings.map((warning) => warning.code);
    expect(codes).toContain('event-without-producer');
    expect(codes).toContain('outside-context');
    expect(codes).not.toContain('event-not-past-tense');
    // The event outside every frame still gets a type, in the implicit context, without a topic.
    expect(result.files.map((file) => file.path)).toContain('typescript/default/unassigned.ts');
    expect(result.ok).toBe(true);
    const readme = result.files.find((file) => file.path === 'README.md')!.contents;
    expect(readme).toContain('`event-without-producer`');
    expect(readme).toContain('| Order Placed | event | Sales | OrderPlaced | `example.sales.order.events` |');
  });

  it('is not ok when the lint finds errors, but still renders the files for a preview', () => {
    const result = exportBoard(
      board({
        elements: [{ ...note('cmd-orphan', 700, 400), kind: 'command', text: 'Cancel Order', fields: [] }],
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.warnings[0]).toMatchObject({
      code: 'command-without-handler',
      severity: 'error',
      source: 'lint',
    });
    expect(result.files.length).toBeGreaterThan(5);
  });

  it('reports renames after a collision', () => {
    const twin: BoardElement = {
      ...note('evt-twin', 800),
      kind: 'domainEvent',
      text: 'order placed!',
      fields: [],
    };
    const result = exportBoard(
      board({ elements: [twin], connections: [{ id: 'c9', source: 'agg-order', target: 'evt-twin' }] }),
    );
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'name-collision', elementIds: ['evt-twin'] }),
    );
    expect(result.files.find((file) => file.path === 'typescript/sales/order.ts')!.contents).toContain(
      'export type OrderPlaced2 = Record<string, never>;',
    );
  });

  it('stamps the contract version on AsyncAPI, the TypeScript package and every JSON Schema', () => {
    const { files } = exportBoard(board(), { version: '2.3.0', org: 'acme', boardName: 'Shop floor' });
    const file = (path: string) => files.find((candidate) => candidate.path === path)!.contents;
    expect(parse(file('asyncapi/sales.asyncapi.yaml')).info.version).toBe('2.3.0');
    expect(JSON.parse(file('typescript/package.json'))).toMatchObject({
      name: '@acme/shop-floor-contracts',
      version: '2.3.0',
      type: 'module',
    });
    const schemas = files.filter((candidate) => candidate.path.startsWith('jsonschema/'));
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect(JSON.parse(schema.contents).$comment).toBe('contract version 2.3.0');
    expect(() => exportBoard(board(), { version: 'v2' })).toThrow(
      'export option version must be major.minor.patch',
    );
  });

  it('per-format functions return only their files', () => {
    expect(exportTypeScript(board()).files.every((file) => file.path.startsWith('typescript/'))).toBe(true);
    expect(exportBoard(board(), { only: ['topics'] }).files.map((file) => file.path.split('/')[0])).toEqual([
      'README.md',
      ...Array(6).fill('topics'),
    ]);
  });
});

describe('selectExportFiles and zipExport', () => {
  it('selects one format, or everything for zip', () => {
    const result = exportBoard(board());
    expect(selectExportFiles(result, 'zip')).toEqual(result.files);
    const asyncapi = selectExportFiles(result, 'asyncapi');
    expect(asyncapi.map((file) => file.path)).toEqual([
      'asyncapi/billing.asyncapi.yaml',
      'asyncapi/sales.asyncapi.yaml',
    ]);
  });

  it('zips every file under an optional folder, readable back', () => {
    const { files } = exportBoard(board());
    const entries = unzipSync(zipExport(files, 'contracts'));
    expect(Object.keys(entries)).toEqual(files.map((file) => `contracts/${file.path}`));
    const readme = new TextDecoder().decode(entries['contracts/README.md']);
    expect(readme).toBe(files.find((file) => file.path === 'README.md')!.contents);
  });
});

describe('topic prefixes', () => {
  it('a prefix taken by another context is replaced and reported, so topics never collide', () => {
    const frames: BoardElement[] = ['A', 'B', 'C'].map((text, i) => ({
      ...note(`ctx-${text}`, i * 2000, 0),
      kind: 'boundedContext',
      text: i === 2 ? 'Shared' : text,
      topicPrefix: i === 2 ? '' : 'shared',
      topic: {},
      size: { width: 1000, height: 600 },
    }));
    const aggregates: BoardElement[] = frames.map((frame, i) => ({
      ...note(`agg-${i}`, frame.position.x + 100),
      kind: 'aggregate',
      text: 'Ledger',
      keyField: '',
      topic: {},
    }));
    const events: BoardElement[] = frames.map((frame, i) => ({
      ...note(`evt-${i}`, frame.position.x + 400),
      kind: 'domainEvent',
      text: 'Entry Booked',
      fields: [],
    }));
    const result = exportBoard({
      schemaVersion: 1,
      level: 'design',
      elements: [...frames, ...aggregates, ...events],
      connections: [0, 1, 2].map((i) => ({ id: `c${i}`, source: `agg-${i}`, target: `evt-${i}` })),
    });
    const topics = JSON.parse(
      result.files.find((file) => file.path === 'topics/topics.json')!.contents,
    ).topics;
    expect(topics.map((topic: { name: string }) => topic.name)).toEqual([
      'example.b.ledger.events',
      'example.shared-2.ledger.events',
      'example.shared.ledger.events',
    ]);
    expect(result.warnings.filter((warning) => warning.code === 'topic-prefix-collision')).toHaveLength(2);
  });
});

describe('hostile and half-edited boards', { timeout: 30_000 }, () => {
  it('refs that fan out exponentially stop at the payload budget instead of hanging', () => {
    // Event i has ten fields, each the payload of event i + 1: 10^12 fields if expanded naively.
    const chain: BoardElement[] = Array.from({ length: 12 }, (_, i) => ({
      ...note(`evt-${i}`, 100 + i * 150),
      kind: 'domainEvent',
      text: `Step ${i} Done`,
      fields:
        i === 11
          ? [{ id: 'leaf', name: 'value', type: { kind: 'number' }, required: true }]
          : Array.from({ length: 10 }, (_, f) => ({
              id: `f${f}`,
              name: `part ${f}`,
              type: { kind: 'ref', elementId: `evt-${i + 1}` },
              required: true,
            })),
    }));
    const started = performance.now();
    const result = exportBoard({ schemaVersion: 1, level: 'design', elements: chain, connections: [] });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(
      result.warnings.some(
        (w) => w.code === 'unresolved-ref' && w.message.includes('larger than 2000 fields'),
      ),
    ).toBe(true);
  });

  it('an enum without values (still being typed) is exported as a string, with a warning', () => {
    const draft: BoardElement = {
      ...note('evt-draft', 700),
      kind: 'domainEvent',
      text: 'Order Shipped',
      fields: [{ id: 'f1', name: 'carrier', type: { kind: 'enum', values: [] }, required: true }],
    };
    const result = exportBoard(
      board({ elements: [draft], connections: [{ id: 'c9', source: 'agg-order', target: 'evt-draft' }] }),
    );
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'empty-enum', elementIds: ['evt-draft'] }),
    );
    const schema = JSON.parse(
      result.files.find((f) => f.path === 'jsonschema/sales/order/order-shipped.v1.schema.json')!.contents,
    );
    expect(schema.properties.carrier).toEqual({ type: 'string' });
  });
});

describe('options from outside TypeScript', () => {
  it('are checked, and a bad value names the option', () => {
    const options = JSON.parse('{"profile": "staging"}');
    expect(() => exportBoard(board(), options)).toThrow(
      'export option profile must be one of dev, prod; got "staging"',
    );
    expect(() => exportBoard(board(), JSON.parse('{"only": ["pdf"]}'))).toThrow(
      'export option only must be one of',
    );
  });
});

describe('board-wide AsyncAPI', () => {
  it('keeps one receive operation per policy when two contexts name their policies alike', () => {
    const twin: BoardElement[] = [
      {
        ...note('ctx-ship', 2400, 0),
        kind: 'boundedContext',
        text: 'Shipping',
        topicPrefix: '',
        topic: {},
        size: { width: 1000, height: 600 },
      },
      { ...note('pol-ship', 2500), kind: 'policy', text: 'invoice placed orders' },
    ];
    const result = exportBoard(
      board({ elements: twin, connections: [{ id: 'c8', source: 'evt-placed', target: 'pol-ship' }] }),
      {
        asyncApiScope: 'board',
        only: ['asyncapi'],
      },
    );
    const doc = result.files.find((file) => file.path.startsWith('asyncapi/'))!.contents;
    expect(doc).toContain('  receiveSalesOrderEventsForInvoicePlacedOrders:\n');
    expect(doc).toContain('  receiveSalesOrderEventsForShippingInvoicePlacedOrders:\n');
    const operations = (
      parse(doc) as { operations: Record<string, { bindings?: { kafka: { groupId: { enum: string[] } } } }> }
    ).operations;
    expect(
      Object.values(operations).flatMap((operation) => operation.bindings?.kafka.groupId.enum ?? []),
    ).toEqual(['example.billing.invoice-placed-orders', 'example.shipping.invoice-placed-orders']);
  });
});
