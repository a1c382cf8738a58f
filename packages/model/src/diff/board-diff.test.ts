import { describe, expect, it } from 'vitest';
import type {
  AggregateElement,
  BoardElement,
  BoardSnapshot,
  BoundedContextElement,
  Connection,
  DomainEventElement,
} from '../elements.ts';
import type { PayloadField } from '../fields.ts';
import { diffBoards, diffFacts } from './board-diff.ts';
import { COMPATIBILITY_MODES, type SchemaChangeKind } from './schema-change.ts';

const place = (id: string, x: number, y = 100) => ({
  id,
  position: { x, y },
  size: { width: 140, height: 140 },
  z: 'V',
  codeName: '',
});

const FIELDS: PayloadField[] = [
  { id: 'f-order', name: 'orderId', type: { kind: 'uuid' }, required: true },
  { id: 'f-amount', name: 'amount', type: { kind: 'integer' }, required: true },
  { id: 'f-note', name: 'note', type: { kind: 'string' }, required: false },
  { id: 'f-status', name: 'status', type: { kind: 'enum', values: ['new', 'paid'] }, required: true },
  {
    id: 'f-address',
    name: 'address',
    type: {
      kind: 'object',
      fields: [{ name: 'city', type: { kind: 'string' }, required: true }],
    },
    required: false,
  },
];

/** Sales with an Order aggregate producing Order Placed (five fields) and Order Shipped. */
function board(): BoardSnapshot {
  const elements: BoardElement[] = [
    {
      ...place('ctx-sales', 0, 0),
      kind: 'boundedContext',
      text: 'Sales',
      topicPrefix: '',
      topic: {},
      size: { width: 2000, height: 600 },
    },
    { ...place('agg-order', 300), kind: 'aggregate', text: 'Order', keyField: '', topic: { partitions: 6 } },
    { ...place('agg-invoice', 300, 400), kind: 'aggregate', text: 'Invoice', keyField: '', topic: {} },
    { ...place('evt-placed', 600), kind: 'domainEvent', text: 'Order Placed', fields: FIELDS },
    { ...place('evt-shipped', 900), kind: 'domainEvent', text: 'Order Shipped', fields: [] },
    { ...place('evt-invoiced', 600, 400), kind: 'domainEvent', text: 'Invoice Sent', fields: [] },
  ];
  const connections: Connection[] = [
    { id: 'c1', source: 'agg-order', target: 'evt-placed' },
    { id: 'c2', source: 'agg-order', target: 'evt-shipped' },
    { id: 'c3', source: 'agg-invoice', target: 'evt-invoiced' },
  ];
  return { schemaVersion: 1, level: 'design', elements, connections };
}

type Edit = (elements: BoardElement[], connections: Connection[]) => void;

function edited(edit: Edit): BoardSnapshot {
  const base = structuredClone(board()) as unknown as { elements: BoardElement[]; connections: Connection[] };
  edit(base.elements, base.connections);
  return { schemaVersion: 1, level: 'design', elements: base.elements, connections: base.connections };
}

function find<T extends BoardElement>(elements: BoardElement[], id: string): T {
  const element = elements.find((candidate) => candidate.id === id);
  if (!element) throw new Error(id);
  return element as T;
}

function setFields(elements: BoardElement[], map: (fields: PayloadField[]) => PayloadField[]): void {
  const event = find<DomainEventElement>(elements, 'evt-placed');
  Object.assign(event, { fields: map([...event.fields]) });
}

const setField =
  (id: string, patch: Partial<PayloadField>): Edit =>
  (elements) =>
    setFields(elements, (fields) =>
      fields.map((field) => (field.id === id ? { ...field, ...patch } : field)),
    );

const setTopic =
  (patch: Partial<AggregateElement>): Edit =>
  (elements) =>
    Object.assign(find<AggregateElement>(elements, 'agg-order'), patch);

/** Expected verdicts: [backward, forward, full], true = breaking. */
type Verdicts = [boolean, boolean, boolean];
const BOTH: Verdicts = [true, true, true];
const BACKWARD: Verdicts = [true, false, true];
const FORWARD: Verdicts = [false, true, true];
const NONE: Verdicts = [false, false, false];

const CASES: Array<[string, Edit, SchemaChangeKind, string | undefined, Verdicts]> = [
  [
    'add an optional field',
    (e) =>
      setFields(e, (f) => [...f, { id: 'f-new', name: 'coupon', type: { kind: 'string' }, required: false }]),
    'field-added',
    'coupon',
    FORWARD,
  ],
  [
    'add a required field',
    (e) =>
      setFields(e, (f) => [...f, { id: 'f-new', name: 'coupon', type: { kind: 'string' }, required: true }]),
    'field-added',
    'coupon',
    BOTH,
  ],
  [
    'remove an optional field',
    (e) => setFields(e, (f) => f.filter((x) => x.id !== 'f-note')),
    'field-removed',
    'note',
    BACKWARD,
  ],
  [
    'remove a required field',
    (e) => setFields(e, (f) => f.filter((x) => x.id !== 'f-amount')),
    'field-removed',
    'amount',
    BOTH,
  ],
  ['rename a field (same field id)', setField('f-amount', { name: 'total' }), 'field-renamed', 'total', BOTH],
  [
    'widen integer to number',
    setField('f-amount', { type: { kind: 'number' } }),
    'field-retyped',
    'amount',
    FORWARD,
  ],
  [
    'narrow uuid to ... string is wider',
    setField('f-order', { type: { kind: 'string' } }),
    'field-retyped',
    'orderId',
    FORWARD,
  ],
  [
    'change integer to boolean',
    setField('f-amount', { type: { kind: 'boolean' } }),
    'field-retyped',
    'amount',
    BOTH,
  ],
  [
    'make an optional field required',
    setField('f-note', { required: true }),
    'field-made-required',
    'note',
    BACKWARD,
  ],
  [
    'make a required field optional',
    setField('f-amount', { required: false }),
    'field-made-optional',
    'amount',
    FORWARD,
  ],
  [
    'add an enum value',
    setField('f-status', { type: { kind: 'enum', values: ['new', 'paid', 'refunded'] } }),
    'enum-values-added',
    'status',
    FORWARD,
  ],
  [
    'remove an enum value',
    setField('f-status', { type: { kind: 'enum', values: ['new'] } }),
    'enum-values-removed',
    'status',
    BACKWARD,
  ],
  [
    'add a required nested field',
    setField('f-address', {
      type: {
        kind: 'object',
        fields: [
          { name: 'city', type: { kind: 'string' }, required: true },
          { name: 'zip', type: { kind: 'string' }, required: true },
        ],
      },
    }),
    'field-added',
    'address.zip',
    BOTH,
  ],
  [
    'add an event to an existing topic',
    (e, c) => {
      e.push({ ...place('evt-cancelled', 1200), kind: 'domainEvent', text: 'Order Cancelled', fields: [] });
      c.push({ id: 'c9', source: 'agg-order', target: 'evt-cancelled' });
    },
    'event-added',
    undefined,
    FORWARD,
  ],
  [
    'remove an event from a topic that stays',
    (e, c) => {
      e.splice(
        e.findIndex((x) => x.id === 'evt-shipped'),
        1,
      );
      c.splice(
        c.findIndex((x) => x.id === 'c2'),
        1,
      );
    },
    'event-removed',
    undefined,
    BACKWARD,
  ],
  [
    'rename an event',
    (e) => Object.assign(find(e, 'evt-shipped'), { text: 'Order Dispatched' }),
    'event-renamed',
    undefined,
    BOTH,
  ],
  [
    'change the text of an event whose code name is set',
    (e) => Object.assign(find(e, 'evt-shipped'), { text: 'Order sent out', codeName: 'Order Shipped' }),
    'event-text-changed',
    undefined,
    NONE,
  ],
  [
    'move an event to another aggregate',
    (_e, c) => Object.assign(c.find((x) => x.id === 'c2')!, { source: 'agg-invoice' }),
    'event-moved',
    undefined,
    BOTH,
  ],
  ['decrease partitions', setTopic({ topic: { partitions: 3 } }), 'partitions-decreased', undefined, BOTH],
  ['increase partitions', setTopic({ topic: { partitions: 12 } }), 'partitions-increased', undefined, NONE],
  [
    'switch delete to compact',
    setTopic({ topic: { partitions: 6, compaction: true } }),
    'cleanup-policy-changed',
    undefined,
    BOTH,
  ],
  ['change the key', setTopic({ keyField: 'Order Number' }), 'key-changed', undefined, BOTH],
  [
    'change the retention',
    setTopic({ topic: { partitions: 6, retentionMs: 1000 } }),
    'topic-config-changed',
    undefined,
    NONE,
  ],
  ['rename the aggregate (its topic)', setTopic({ text: 'Purchase' }), 'topic-renamed', undefined, BOTH],
  [
    'rename the bounded context',
    (e) => Object.assign(find<BoundedContextElement>(e, 'ctx-sales'), { text: 'Shop' }),
    'context-renamed',
    undefined,
    NONE,
  ],
];

describe('diffBoards: every change kind in each mode', () => {
  it.each(CASES)('%s', (_title, edit, kind, field, verdicts) => {
    const after = edited(edit);
    for (const [index, mode] of COMPATIBILITY_MODES.entries()) {
      const diff = diffBoards(board(), after, { mode });
      const change = diff.changes.find((c) => c.kind === kind && (field === undefined || c.field === field));
      expect(change, `${kind} in ${JSON.stringify(diff.changes.map((c) => c.kind))}`).toBeDefined();
      expect([mode, change!.breaking]).toEqual([mode, verdicts[index]]);
      expect(change!.reason.length).toBeGreaterThan(20);
    }
  });

  it('explains a removed required field in words, per direction', () => {
    const after = edited((e) => setFields(e, (f) => f.filter((x) => x.id !== 'f-amount')));
    const [change] = diffBoards(board(), after, { mode: 'backward' }).changes;
    expect(change).toMatchObject({
      kind: 'field-removed',
      context: 'Sales',
      event: 'OrderPlaced',
      field: 'amount',
    });
    expect(change!.reason).toBe(
      'Removing the required field amount breaks consumers reading with the new schema (events already written with the old schema carry amount, which the new schema does not allow: its objects are closed).',
    );
    const forward = diffBoards(board(), after, { mode: 'forward' }).changes[0]!;
    expect(forward.reason).toContain(
      'events written with the new schema lack amount, which the old schema requires',
    );
  });

  it('keeps a renamed event and a renamed field as one element (by id), not as removed and added', () => {
    const after = edited((e) => {
      Object.assign(find(e, 'evt-placed'), { text: 'Order Submitted' });
      setField('f-amount', { name: 'total' })(e, []);
    });
    const kinds = diffFacts(board(), after).map((fact) => fact.kind);
    expect(kinds).toEqual(['event-renamed', 'field-renamed']);
  });

  it('sees no change when a field is deleted and typed in again under the same name', () => {
    const after = edited(setField('f-note', { id: 'f-note-again' }));
    expect(diffFacts(board(), after)).toEqual([]);
  });

  it('reports an event renamed with its topic and an aggregate rename as moved events', () => {
    const diff = diffBoards(board(), edited(setTopic({ text: 'Purchase' })), { mode: 'full' });
    expect(diff.changes.filter((c) => c.kind === 'event-moved').map((c) => c.event)).toEqual([
      'OrderPlaced',
      'OrderShipped',
    ]);
    expect(diff.compatible).toBe(false);
    expect(diff.breakingCount).toBe(diff.changes.filter((c) => c.breaking).length);
  });

  it('a new aggregate with its own topic is compatible in every mode', () => {
    const after = edited((e, c) => {
      e.push({
        ...place('agg-ship', 1500, 400),
        kind: 'aggregate',
        text: 'Shipment',
        keyField: '',
        topic: {},
      });
      e.push({ ...place('evt-ship', 1700, 400), kind: 'domainEvent', text: 'Shipment Booked', fields: [] });
      c.push({ id: 'c8', source: 'agg-ship', target: 'evt-ship' });
    });
    for (const mode of COMPATIBILITY_MODES) {
      const diff = diffBoards(board(), after, { mode });
      expect(diff.changes.map((c) => c.kind)).toEqual(['event-added', 'topic-added']);
      expect(diff.compatible).toBe(true);
    }
  });

  it('removing a topic breaks its consumers', () => {
    const after = edited((e, c) => {
      e.splice(
        e.findIndex((x) => x.id === 'agg-invoice'),
        1,
      );
      c.splice(
        c.findIndex((x) => x.id === 'c3'),
        1,
      );
    });
    const diff = diffBoards(board(), after, { mode: 'forward' });
    expect(diff.changes.find((c) => c.kind === 'topic-removed')).toMatchObject({
      topic: 'example.sales.invoice.events',
      breaking: true,
    });
  });

  it('an identical board has no changes', () => {
    expect(diffBoards(board(), board())).toEqual({
      mode: 'backward',
      compatible: true,
      breakingCount: 0,
      changes: [],
    });
  });
});
