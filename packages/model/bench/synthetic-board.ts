import type { BoardElement, BoardSnapshot, Connection, PayloadField } from '../src/index.ts';

const EVENTS_PER_AGGREGATE = 5;
const AGGREGATES_PER_CONTEXT = 10;

function fields(prefix: string): PayloadField[] {
  return [
    { id: `${prefix}1`, name: 'orderId', type: { kind: 'uuid' }, required: true },
    { id: `${prefix}2`, name: 'amount', type: { kind: 'number' }, required: true, description: 'In euros' },
    {
      id: `${prefix}3`,
      name: 'status',
      type: { kind: 'enum', values: ['open', 'paid', 'cancelled'] },
      required: true,
    },
    { id: `${prefix}4`, name: 'happened at', type: { kind: 'date-time' }, required: true },
    {
      id: `${prefix}5`,
      name: 'lines',
      type: {
        kind: 'array',
        items: {
          kind: 'object',
          fields: [
            { name: 'sku', type: { kind: 'string' }, required: true },
            { name: 'quantity', type: { kind: 'integer' }, required: true },
          ],
        },
      },
      required: false,
    },
    { id: `${prefix}6`, name: '메모', type: { kind: 'string' }, required: false },
  ];
}

/**
 * A design-level board with `events` domain events: contexts of ten aggregates with five events and two
 * commands each, and policies linking each context to the next (so AsyncAPI has receive operations).
 */
export function syntheticBoard(events: number): BoardSnapshot {
  const elements: BoardElement[] = [];
  const connections: Connection[] = [];
  const perContext = EVENTS_PER_AGGREGATE * AGGREGATES_PER_CONTEXT;
  const contexts = Math.ceil(events / perContext);
  let made = 0;
  const note = (x: number, y: number) => ({
    position: { x, y },
    size: { width: 140, height: 140 },
    z: 'V',
    codeName: '',
  });
  const connect = (source: string, target: string) =>
    connections.push({ id: `k${connections.length.toString().padStart(7, '0')}`, source, target });
  for (let c = 0; c < contexts; c++) {
    const left = c * 6000;
    elements.push({
      id: `ctx${c}`,
      kind: 'boundedContext',
      text: `Context ${c}`,
      topicPrefix: '',
      topic: { partitions: 6 },
      ...note(left, 0),
      size: { width: 5800, height: 5800 },
    });
    for (let a = 0; a < AGGREGATES_PER_CONTEXT && made < events; a++) {
      const top = 100 + a * 500;
      const aggregate = `agg${c}x${a}`;
      elements.push({
        id: aggregate,
        kind: 'aggregate',
        text: `Aggregate ${c} ${a}`,
        keyField: 'orderId',
        topic: { stateTopic: a % 2 === 0 },
        ...note(left + 400, top),
      });
      for (let m = 0; m < 2; m++) {
        const command = `cmd${c}x${a}x${m}`;
        elements.push({
          id: command,
          kind: 'command',
          text: `Do thing ${m} of ${c} ${a}`,
          fields: fields(command),
          ...note(left + 100, top + m * 160),
        });
        connect(command, aggregate);
      }
      for (let e = 0; e < EVENTS_PER_AGGREGATE && made < events; e++, made++) {
        const event = `evt${c}x${a}x${e}`;
        elements.push({
          id: event,
          kind: 'domainEvent',
          text: `Thing ${e} of ${c} ${a} happened`,
          fields: fields(event),
          ...note(left + 700 + e * 160, top),
        });
        connect(aggregate, event);
      }
    }
    if (c > 0) {
      // Context c reacts to the first event of context c - 1 by issuing its first command.
      const policy = `pol${c}`;
      elements.push({ id: policy, kind: 'policy', text: `react to ${c - 1}`, ...note(left + 100, 5400) });
      connect(`evt${c - 1}x0x0`, policy);
      connect(policy, `cmd${c}x0x0`);
    }
  }
  return {
    schemaVersion: 1,
    level: 'design',
    elements,
    connections: connections.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
