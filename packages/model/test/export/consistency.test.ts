import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ZodType } from 'zod';
import { type ExportFile, exportBoard, type JsonSchema } from '../../src/index.ts';
import { EXAMPLES, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';
import { sampleFor } from './helpers/samples.ts';

const dir = scratchDir('consistency');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AsyncApiMessage {
  headers: { properties: { ce_type: { const: string } } };
  payload: JsonSchema;
}

/** Everything one event is called in each format, gathered from the written files. */
async function check(label: string, files: readonly ExportFile[]) {
  writeFiles(join(dir, label), files);
  const text = (path: string) => files.find((file) => file.path === path)?.contents;
  const topics = new Set(
    (JSON.parse(text('topics/topics.json')!) as { topics: Array<{ name: string }> }).topics.map(
      (t) => t.name,
    ),
  );
  const messages = new Map<string, AsyncApiMessage>();
  const addresses = new Set<string>();
  for (const file of files.filter((f) => f.path.startsWith('asyncapi/'))) {
    const doc = parse(file.contents) as {
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, AsyncApiMessage> };
    };
    for (const channel of Object.values(doc.channels)) addresses.add(channel.address);
    for (const message of Object.values(doc.components.messages)) {
      messages.set(message.headers.properties.ce_type.const, message);
    }
  }
  let checked = 0;
  for (const file of files) {
    const match = /^jsonschema\/([^/]+)\/([^/]+)\/[^/]+\.v1\.schema\.json$/.exec(file.path);
    if (!match) continue;
    const { $schema: _dialect, $id, $comment, ...schema } = JSON.parse(file.contents) as JsonSchema;
    expect($comment, file.path).toBe('contract version 1.0.0');
    const ceType = String($id).replace('urn:squall:schema:', '');
    const module = (await import(
      pathToFileURL(join(dir, label, 'typescript', match[1]!, `${match[2]}.ts`)).href
    )) as Record<string, unknown>;
    expect(module[`${String(schema.title)}Type`], file.path).toBe(ceType);
    const message = messages.get(ceType);
    if (message) {
      // Published events: the AsyncAPI payload is the JSON Schema, on a channel that is a defined topic.
      expect(message.payload, file.path).toEqual(schema);
      checked++;
    }
  }
  for (const address of addresses) expect(topics.has(address), address).toBe(true);
  return checked;
}

describe('the formats agree with each other', { timeout: 30_000 }, () => {
  for (const example of EXAMPLES) {
    it(`${example}: CloudEvents types, payload schemas and topics match across TypeScript, JSON Schema, AsyncAPI and topics`, async () => {
      const { board, name } = readExample(example);
      const checked = await check(example, exportBoard(board, { boardName: name }).files);
      expect(checked).toBe(board.elements.filter((element) => element.kind === 'domainEvent').length);
    });
  }

  it('random boards too', async () => {
    const boards = fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 8 });
    for (const [i, board] of boards.entries()) await check(`random-${i}`, exportBoard(board).files);
  }, 60_000);
});

describe('CloudEvents envelope validators (generated TypeScript, run)', { timeout: 30_000 }, () => {
  it('accept a whole Payment event and reject a wrong type, attribute or payload', async () => {
    const { board, name } = readExample('banking-payments');
    const files = exportBoard(board, { boardName: name, org: 'acme' }).files;
    writeFiles(join(dir, 'envelope'), files);
    const payment = (await import(
      pathToFileURL(join(dir, 'envelope', 'typescript', 'payments', 'payment.ts')).href
    )) as Record<string, unknown>;
    const schema = JSON.parse(
      files.find((f) => f.path === 'jsonschema/payments/payment/payment-requested.v1.schema.json')!.contents,
    ) as JsonSchema;
    const data = sampleFor(schema) as Record<string, unknown>;
    const event = {
      specversion: '1.0',
      id: 'evt-0001',
      source: '/payments',
      type: 'com.acme.payments.payment.PaymentRequested.v1',
      subject: data.paymentId,
      partitionkey: data.paymentId,
      time: '2024-05-01T09:30:00Z',
      datacontenttype: 'application/json',
      data,
    };
    const union = payment.PaymentEventSchema as ZodType;
    expect(union.safeParse(event).success).toBe(true);
    expect(union.safeParse({ ...event, type: 'com.acme.payments.payment.PaymentCompleted.v1' }).success).toBe(
      false,
    );
    expect(
      union.safeParse({ ...event, type: 'com.acme.fraud-detection.fraud-check.FraudSuspected.v1' }).success,
    ).toBe(false);
    expect(union.safeParse({ ...event, specversion: '0.3' }).success).toBe(false);
    expect(union.safeParse({ ...event, data: { ...data, channel: 'fax' } }).success).toBe(false);
    expect(payment.PaymentEventTypes).toEqual({
      PaymentRequested: 'com.acme.payments.payment.PaymentRequested.v1',
      PaymentCompleted: 'com.acme.payments.payment.PaymentCompleted.v1',
      PaymentBlocked: 'com.acme.payments.payment.PaymentBlocked.v1',
    });
    expect(payment.PaymentEventsTopic).toBe('acme.payments.payment.events');
  });
});
