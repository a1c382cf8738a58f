import { Parser } from '@asyncapi/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportAsyncApi, exportBoard } from '../../src/index.ts';
import { EXAMPLES, readExample } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';

const parser = new Parser();

async function errorsOf(text: string) {
  const diagnostics = await parser.validate(text);
  return diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => `${d.code} at ${d.path.join('/')}: ${d.message}`);
}

interface Doc {
  channels: Record<
    string,
    { address: string; messages: Record<string, unknown>; bindings: { kafka: Record<string, unknown> } }
  >;
  operations: Record<
    string,
    {
      action: string;
      channel: { $ref: string };
      messages: Array<{ $ref: string }>;
      bindings?: { kafka: { groupId: { enum: string[] } } };
    }
  >;
}

describe('AsyncAPI 3.0.0 documents pass @asyncapi/parser without errors', () => {
  for (const example of EXAMPLES) {
    it(`${example}: one document per bounded context, and one for the whole board`, async () => {
      const { board, name } = readExample(example);
      const perContext = exportAsyncApi(board, { boardName: name, org: 'acme' }).files;
      const whole = exportAsyncApi(board, { boardName: name, org: 'acme', asyncApiScope: 'board' }).files;
      expect(perContext.length).toBeGreaterThanOrEqual(3);
      expect(whole).toHaveLength(1);
      for (const file of [...perContext, ...whole]) {
        expect(await errorsOf(file.contents), file.path).toEqual([]);
      }
    }, 60_000);
  }

  it('banking: Fraud receives Payment Requested with its consumer group and sends its own events', () => {
    const { board, name } = readExample('banking-payments');
    const file = exportAsyncApi(board, { boardName: name, org: 'acme' }).files.find(
      (f) => f.path === 'asyncapi/fraud.asyncapi.yaml',
    );
    const doc = parse(file!.contents) as Doc;
    const receive = Object.values(doc.operations).filter((operation) => operation.action === 'receive');
    expect(
      receive.map((operation) => [operation.channel.$ref, operation.bindings?.kafka.groupId.enum]),
    ).toEqual([['#/channels/paymentsPaymentEvents', ['acme.fraud-detection.check-for-fraud']]]);
    // The policy sits in Fraud; its group and its channel come from where it is and what it reads.
    expect(receive[0]!.messages).toEqual([
      { $ref: '#/channels/paymentsPaymentEvents/messages/PaymentRequested' },
    ]);
    const send = Object.values(doc.operations).filter((operation) => operation.action === 'send');
    expect(send.map((operation) => operation.channel.$ref)).toEqual([
      '#/channels/fraudDetectionFraudCheckEvents',
    ]);
    const channel = doc.channels.fraudDetectionFraudCheckEvents!;
    expect(channel.address).toBe('acme.fraud-detection.fraud-check.events');
    expect(channel.bindings.kafka).toEqual({
      partitions: 12,
      replicas: 3,
      topicConfiguration: {
        'cleanup.policy': ['delete'],
        'min.insync.replicas': 2,
        'retention.ms': 2592000000,
      },
      bindingVersion: '0.5.0',
    });
  });

  it('random boards give valid documents too, per context and board-wide', async () => {
    const boards = fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 10 });
    let documents = 0;
    for (const [i, board] of boards.entries()) {
      const asyncApiScope = i % 2 === 0 ? 'context' : 'board';
      const files = exportBoard(board, { only: ['asyncapi'], asyncApiScope }).files;
      for (const file of files.filter((f) => f.path.startsWith('asyncapi/'))) {
        documents++;
        expect(await errorsOf(file.contents), file.path).toEqual([]);
      }
    }
    expect(documents).toBeGreaterThan(5);
  }, 90_000);

  it('a broken document is reported (the check can fail)', async () => {
    const { board } = readExample('banking-payments');
    const file = exportAsyncApi(board).files[0]!;
    const broken = file.contents.replace(/- delete/g, 'delete');
    expect(broken).not.toBe(file.contents);
    expect((await errorsOf(broken)).length).toBeGreaterThan(0);
  }, 30_000);
});
