/**
 * The runtime's own tests (`services/runtime/test/`, node's test runner): the Kafka parts that need no
 * broker (binary-mode encoding, key choice, dead-letter routing), the event store and the in-process bus.
 */
export const RUNTIME_TESTS: Readonly<Record<string, string>> = {
  'dead-letter.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEAD_LETTER_GROUP_HEADER,
  DEAD_LETTER_REASON_HEADER,
  DEAD_LETTER_TOPIC_HEADER,
  encodeRecord,
  routeRecord,
} from '../src/index.js';
import { event, route, TOPIC } from './fixtures.js';

const meta = { topic: TOPIC, groupId: 'example.test.policy', routes: [route], deadLetterTopic: 'example.test.dead-letter' };

test('a valid event is delivered', () => {
  const routed = routeRecord(encodeRecord(event()), meta);
  assert.equal(routed.kind, 'deliver');
});

test('an event that fails its schema goes to the dead-letter topic, key, value and headers kept', () => {
  const record = encodeRecord(event({ data: { thingId: 'thing-1', count: 'many' } }));
  const routed = routeRecord(record, meta);
  assert.equal(routed.kind, 'dead-letter');
  if (routed.kind !== 'dead-letter') return;
  assert.equal(routed.topic, 'example.test.dead-letter');
  assert.equal(routed.record.key, record.key);
  assert.equal(routed.record.value, record.value);
  assert.equal(routed.record.headers.ce_id, 'e-1');
  assert.match(routed.record.headers[DEAD_LETTER_REASON_HEADER] ?? '', /^invalid com\\.example/);
  assert.equal(routed.record.headers[DEAD_LETTER_TOPIC_HEADER], TOPIC);
  assert.equal(routed.record.headers[DEAD_LETTER_GROUP_HEADER], 'example.test.policy');
});

test('a record that is no CloudEvent is dead-lettered too', () => {
  const routed = routeRecord({ key: 'k', value: 'hello', headers: {} }, meta);
  assert.equal(routed.kind, 'dead-letter');
});

test('an event type this consumer does not handle is skipped, not dead-lettered', () => {
  const routed = routeRecord(encodeRecord(event({ type: 'com.example.other.Other.v1' })), meta);
  assert.deepEqual(routed, { kind: 'skip', type: 'com.example.other.Other.v1' });
});
`,
  'event-store.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConcurrencyError, InMemoryEventStore } from '../src/index.js';
import { event } from './fixtures.js';

test('append checks the expected version and writes nothing on a conflict', async () => {
  const store = new InMemoryEventStore();
  assert.equal(await store.append('thing-1', 0, [event()]), 1);
  await assert.rejects(store.append('thing-1', 0, [event({ id: 'e-2' })]), ConcurrencyError);
  const stream = await store.load('thing-1');
  assert.equal(stream.version, 1);
  assert.deepEqual(stream.events.map((e) => e.id), ['e-1']);
  assert.equal(await store.append('thing-1', 1, [event({ id: 'e-2' })]), 2);
});
`,
  'fixtures.ts': `import { z } from 'zod';
import type { AnyCloudEvent } from '../src/index.js';
import type { EventRoute } from '../src/index.js';

export const TYPE = 'com.example.test.thing.ThingHappened.v1';
export const TOPIC = 'example.test.thing.events';

export const thingHappened = z.strictObject({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.literal(TYPE),
  subject: z.string().min(1),
  partitionkey: z.string().min(1),
  time: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  data: z.strictObject({ thingId: z.string(), count: z.int() }),
});

export const route: EventRoute = { type: TYPE, topic: TOPIC, schema: thingHappened };

export function event(overrides: Partial<AnyCloudEvent> = {}): AnyCloudEvent {
  return {
    specversion: '1.0',
    id: 'e-1',
    source: '/test',
    type: TYPE,
    subject: 'thing-1',
    partitionkey: 'thing-1',
    time: '2024-05-01T09:30:00.000Z',
    datacontenttype: 'application/json',
    data: { thingId: 'thing-1', count: 1 },
    ...overrides,
  };
}
`,
  'in-process-bus.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AnyCloudEvent, encodeRecord, InProcessBus } from '../src/index.js';
import { event, route, TOPIC } from './fixtures.js';

test('delivers valid events in order, dead-letters invalid ones and failing handlers', async () => {
  const bus = new InProcessBus();
  const seen: string[] = [];
  bus.subscribe({
    groupId: 'example.test.one',
    routes: [route],
    deadLetterTopic: 'example.test.dead-letter',
    async handle(received: AnyCloudEvent) {
      if (received.id === 'boom') throw new Error('cannot handle it');
      seen.push(received.id);
    },
  });
  await bus.start();
  await bus.publish([event({ id: 'a' }), event({ id: 'b' }), event({ id: 'boom' })]);
  await bus.publishRecord(TOPIC, encodeRecord(event({ id: 'bad', data: { thingId: 1 } })));
  await bus.idle();
  assert.deepEqual(seen, ['a', 'b']);
  assert.deepEqual(
    bus.deadLetters.map((letter) => [letter.record.headers.ce_id, letter.reason.split(':')[0]]),
    [
      ['boom', 'handler failed 3 times'],
      ['bad', 'invalid com.example.test.thing.ThingHappened.v1'],
    ],
  );
});
`,
  'kafka-record.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeRecord, encodeRecord, recordKey } from '../src/index.js';
import { event, TYPE } from './fixtures.js';

test('binary mode: attributes in ce_ headers, content-type, data as the JSON value', () => {
  const record = encodeRecord(event());
  assert.deepEqual(record.headers, {
    'content-type': 'application/json',
    ce_specversion: '1.0',
    ce_id: 'e-1',
    ce_source: '/test',
    ce_type: TYPE,
    ce_subject: 'thing-1',
    ce_time: '2024-05-01T09:30:00.000Z',
  });
  assert.equal(record.value, '{"thingId":"thing-1","count":1}');
});

test('the record key is the aggregate id (partitionkey), so one aggregate stays in one partition', () => {
  const one = event({ subject: 'order-7', partitionkey: 'order-7' });
  assert.equal(recordKey(one), 'order-7');
  assert.equal(encodeRecord(one).key, 'order-7');
});

test('decoding gives back the envelope that was encoded', () => {
  const decoded = decodeRecord(encodeRecord(event()));
  // The same values (decoded objects have no prototype, which deepEqual would count).
  assert.deepEqual(JSON.parse(JSON.stringify(decoded)), { ok: true, event: event() });
});

test('decoded payloads have no prototype, so a missing field named toString stays missing', () => {
  const decoded = decodeRecord(encodeRecord(event({ data: { thingId: 'thing-1', nested: { count: 1 } } })));
  assert.equal(decoded.ok, true);
  const data = (decoded.ok ? decoded.event : undefined) as { data: Record<string, Record<string, unknown>> };
  assert.equal(data.data.toString, undefined);
  assert.equal(data.data.nested?.valueOf, undefined);
  assert.equal(data.data.nested?.count, 1);
});

test('records that are no CloudEvent are refused with a reason', () => {
  const good = encodeRecord(event());
  const { ce_type: _type, ...withoutType } = good.headers;
  const noType = decodeRecord({ ...good, headers: withoutType });
  assert.equal(noType.ok, false);
  assert.match(noType.ok ? '' : noType.reason, /ce_type/);
  assert.equal(decodeRecord({ ...good, value: '{not json' }).ok, false);
  assert.equal(decodeRecord({ ...good, key: null }).ok, false);
  assert.equal(decodeRecord({ ...good, value: null }).ok, false);
});
`,
};
