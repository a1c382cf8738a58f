import fc from 'fast-check';
import type { BoardElement, BoardSnapshot, Connection, FieldType, PayloadField } from '../../../src/index.ts';

/** Sticky texts that have broken exporters elsewhere: other scripts, reserved words, digits, symbols. */
const HARD_TEXTS = [
  '주문 접수됨',
  '결제 요청됨',
  '注文が確定した',
  '支払い完了',
  'Zahlung übermittelt',
  'Überweisung storniert',
  'Object',
  'Date',
  'Promise',
  'class',
  'any',
  'number',
  'constructor',
  '__proto__',
  'index',
  'unassigned',
  'Payment Event',
  'payment event',
  'PaymentEvent',
  '1st payment',
  '42',
  '',
  '   ',
  '*/ end comment',
  'it\'s "quoted" \\ back',
  '🚀 Launched',
  'IoT reading',
  'orderID set',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HARD_TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** A field type tree; `ref` targets are indices resolved once all events exist. */
type TypeSpec =
  | { kind: 'scalar'; scalar: 'string' | 'number' | 'integer' | 'boolean' | 'date-time' | 'uuid' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; items: TypeSpec }
  | { kind: 'object'; fields: FieldSpec[] }
  | { kind: 'ref'; target: number };
interface FieldSpec {
  name: string;
  type: TypeSpec;
  required: boolean;
  description: string;
}

/** The texts a random board is made of: sticky texts (also descriptions and code names) and field names. */
export interface RandomTexts {
  readonly text: fc.Arbitrary<string>;
  /** Code names of aggregates and external systems (most have none). */
  readonly codeName: fc.Arbitrary<string>;
  /** Names of fields inside nested objects. */
  readonly fieldName: fc.Arbitrary<string>;
  /** Names of an event's or command's own fields. */
  readonly payloadFieldName: fc.Arbitrary<string>;
}

const HOSTILE_TEXTS: RandomTexts = {
  text,
  codeName: text,
  fieldName: fc.oneof(
    fc.constantFrom('amount', 'Amount', 'customer id', '금액', 'class', '2nd line', 'x'),
    fc.string({ minLength: 1, maxLength: 10 }),
  ),
  payloadFieldName: fc.oneof(
    fc.constantFrom('amount', 'Amount', 'customer id', '금액', 'class', '2nd line', 'paymentId'),
    fc.string({ minLength: 1, maxLength: 10 }),
  ),
};

function boardSpecOf({ text, codeName, fieldName, payloadFieldName }: RandomTexts) {
  const { type: typeSpec } = fc.letrec<{ type: TypeSpec; field: FieldSpec }>((tie) => ({
    type: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        kind: fc.constant('scalar' as const),
        scalar: fc.constantFrom(
          'string',
          'number',
          'integer',
          'boolean',
          'date-time',
          'uuid',
        ) as fc.Arbitrary<'string' | 'number' | 'integer' | 'boolean' | 'date-time' | 'uuid'>,
      }),
      fc.record({
        kind: fc.constant('enum' as const),
        // Live boards can hold enums whose values are not typed in yet.
        values: fc.uniqueArray(
          fc.oneof(fc.constantFrom('sms', 'e-mail', 'PUSH', '긴급', "it's"), fc.string({ maxLength: 6 })),
          { minLength: 0, maxLength: 4 },
        ),
      }),
      fc.record({ kind: fc.constant('array' as const), items: tie('type') }),
      fc.record({ kind: fc.constant('object' as const), fields: fc.array(tie('field'), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('ref' as const), target: fc.nat(50) }),
    ),
    field: fc.record({
      name: fieldName,
      type: tie('type'),
      required: fc.boolean(),
      description: fc.oneof(fc.constant(''), text),
    }),
  }));

  const fieldSpec = fc.record({
    name: payloadFieldName,
    type: typeSpec,
    required: fc.boolean(),
    description: fc.oneof(fc.constant(''), text),
  });

  const ownerSpec = fc.record({
    text,
    codeName: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: codeName }),
    external: fc.boolean(),
    keyField: fc.constantFrom('', 'paymentId', 'Order Number', '주문 번호'),
    partitions: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
    retentionMs: fc.option(fc.constantFrom(-1, 3_600_000, 604_800_000), { nil: undefined }),
    compaction: fc.option(fc.boolean(), { nil: undefined }),
    stateTopic: fc.option(fc.boolean(), { nil: undefined }),
    events: fc.array(
      fc.record({
        text,
        codeName: fc.constantFrom('', '', 'PaymentRequested'),
        fields: fc.array(fieldSpec, { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
    commands: fc.array(fc.record({ text, fields: fc.array(fieldSpec, { maxLength: 3 }) }), { maxLength: 2 }),
  });

  const boardSpec = fc.record({
    contexts: fc.array(
      fc.record({
        text,
        topicPrefix: fc.constantFrom('', '', 'shared', 'Team.Alpha'),
        owners: fc.array(ownerSpec, { minLength: 1, maxLength: 3 }),
        policies: fc.array(fc.record({ text, trigger: fc.nat(50), command: fc.nat(50) }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    /** Some notes outside every frame: they land in the implicit context. */
    loose: fc.array(ownerSpec, { maxLength: 1 }),
  });
  return boardSpec;
}

function toFieldType(spec: TypeSpec, eventIds: readonly string[]): FieldType {
  switch (spec.kind) {
    case 'scalar':
      return { kind: spec.scalar };
    case 'enum':
      return { kind: 'enum', values: spec.values };
    case 'array':
      return { kind: 'array', items: toFieldType(spec.items, eventIds) };
    case 'object':
      return { kind: 'object', fields: spec.fields.map((field) => toField(field, eventIds, '')) };
    case 'ref':
      // Some refs point at nothing on the board: the exporter must cope.
      return { kind: 'ref', elementId: eventIds[spec.target % (eventIds.length + 1)] ?? 'missing-element' };
  }
}

function toField(spec: FieldSpec, eventIds: readonly string[], id: string): PayloadField {
  return {
    id,
    name: spec.name,
    type: toFieldType(spec.type, eventIds),
    required: spec.required,
    ...(spec.description ? { description: spec.description } : {}),
  };
}

/**
 * Random design-level boards: contexts side by side, aggregates and external systems with events and
 * commands, policies between contexts, refs (some dangling or cyclic), hostile sticky text.
 */
export function randomBoardOf(texts: RandomTexts): fc.Arbitrary<BoardSnapshot> {
  return boardSpecOf(texts).map(boardFromSpec);
}

export const randomBoard: fc.Arbitrary<BoardSnapshot> = randomBoardOf(HOSTILE_TEXTS);

type BoardSpec = ReturnType<typeof boardSpecOf> extends fc.Arbitrary<infer T> ? T : never;

function boardFromSpec(spec: BoardSpec): BoardSnapshot {
  const elements: BoardElement[] = [];
  const connections: Connection[] = [];
  let n = 0;
  const nextId = (prefix: string) => `${prefix}${(n++).toString(36)}`;
  const connect = (source: string, target: string) => connections.push({ id: nextId('c'), source, target });
  const base = (x: number, y: number, width: number, height: number) => ({
    position: { x, y },
    size: { width, height },
    z: 'V',
  });
  const events: Array<{ id: string; fields: FieldSpec[] }> = [];
  const commands: string[] = [];
  const pendingFields = new Map<string, FieldSpec[]>();

  const addOwner = (owner: (typeof spec.loose)[number], x: number, y: number) => {
    const ownerId = nextId(owner.external ? 'x' : 'a');
    if (owner.external) {
      elements.push({
        id: ownerId,
        kind: 'externalSystem',
        text: owner.text,
        codeName: owner.codeName,
        ...base(x, y, 260, 120),
      });
    } else {
      const topic = Object.fromEntries(
        Object.entries({
          partitions: owner.partitions,
          retentionMs: owner.retentionMs,
          compaction: owner.compaction,
          stateTopic: owner.stateTopic,
        }).filter(([, value]) => value !== undefined),
      );
      elements.push({
        id: ownerId,
        kind: 'aggregate',
        text: owner.text,
        codeName: owner.codeName,
        keyField: owner.keyField,
        topic,
        ...base(x, y, 200, 200),
      });
    }
    owner.events.forEach((event, i) => {
      const id = nextId('e');
      elements.push({
        id,
        kind: 'domainEvent',
        text: event.text,
        codeName: event.codeName,
        fields: [],
        ...base(x + 300 + i * 160, y, 140, 140),
      });
      events.push({ id, fields: event.fields });
      pendingFields.set(id, event.fields);
      connect(ownerId, id);
    });
    owner.commands.forEach((command, i) => {
      const id = nextId('m');
      elements.push({
        id,
        kind: 'command',
        text: command.text,
        codeName: '',
        fields: [],
        ...base(x - 200, y + i * 160, 140, 140),
      });
      pendingFields.set(id, command.fields);
      commands.push(id);
      connect(id, ownerId);
    });
  };

  spec.contexts.forEach((context, c) => {
    const left = c * 3000;
    elements.push({
      id: nextId('b'),
      kind: 'boundedContext',
      text: context.text,
      codeName: '',
      topicPrefix: context.topicPrefix,
      topic: {},
      ...base(left, 0, 2800, 2000),
    });
    context.owners.forEach((owner, o) => {
      addOwner(owner, left + 300, 100 + o * 450);
    });
  });
  spec.loose.forEach((owner, o) => {
    addOwner(owner, -5000, o * 450);
  });
  spec.contexts.forEach((context, c) => {
    context.policies.forEach((policy, p) => {
      const trigger = events[policy.trigger % Math.max(events.length, 1)];
      const command = commands[policy.command % Math.max(commands.length, 1)];
      const id = nextId('p');
      elements.push({
        id,
        kind: 'policy',
        text: policy.text,
        codeName: '',
        ...base(c * 3000 + 2400, 1500 + p * 160, 140, 140),
      });
      if (trigger) connect(trigger.id, id);
      if (command) connect(id, command);
    });
  });

  const eventIds = events.map((event) => event.id);
  const withFields = elements.map((element): BoardElement => {
    const fields = pendingFields.get(element.id);
    if (!fields || (element.kind !== 'domainEvent' && element.kind !== 'command')) return element;
    // Field names are unique per payload in a valid board (the file parser refuses duplicates).
    const seen = new Set<string>();
    const unique = fields.filter((field) => !seen.has(field.name) && seen.add(field.name));
    return { ...element, fields: unique.map((field, i) => toField(field, eventIds, `f${i}`)) };
  });
  return {
    schemaVersion: 1,
    level: 'design',
    elements: withFields,
    connections: connections.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The fixed seed every random-board test uses, so a failure reproduces. */
export const RANDOM_SEED = 20_260_525;
