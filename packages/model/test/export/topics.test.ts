import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type BoardSnapshot, exportTopics, type TopicDefinition } from '../../src/index.ts';
import { EXAMPLES, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';

const run = promisify(execFile);
const dir = scratchDir('topics');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Kafka's legal characters, lowercase, dot-separated kebab segments, never `_`. */
const TOPIC_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
/** Kubernetes resource names (RFC 1123 subdomain). */
const RFC_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function topicFiles(board: BoardSnapshot, options: Parameters<typeof exportTopics>[1] = {}) {
  const files = exportTopics(board, options).files;
  const text = (path: string) => files.find((file) => file.path === path)?.contents ?? '';
  const topics = (JSON.parse(text('topics/topics.json')) as { topics: TopicDefinition[] }).topics;
  return { files, text, topics };
}

function checkStrimzi(yamlText: string, topics: readonly TopicDefinition[], apiVersion: string) {
  const documents = parseAllDocuments(yamlText);
  expect(documents.map((doc) => doc.errors)).toEqual(documents.map(() => []));
  const resources = documents.map((doc) => doc.toJS()) as Array<{
    apiVersion: string;
    kind: string;
    metadata: { name: string; labels: Record<string, string> };
    spec: { partitions: number; replicas: number; config: Record<string, unknown> };
  }>;
  expect(resources.map((resource) => resource.metadata.name)).toEqual(topics.map((topic) => topic.name));
  for (const resource of resources) {
    expect(resource.apiVersion).toBe(apiVersion);
    expect(resource.kind).toBe('KafkaTopic');
    expect(resource.metadata.name).toMatch(RFC_1123_SUBDOMAIN);
    expect(resource.metadata.name.length).toBeLessThanOrEqual(253);
    expect(resource.metadata.labels['strimzi.io/cluster']).toMatch(RFC_1123_SUBDOMAIN);
    expect(resource.spec.partitions).toBeGreaterThanOrEqual(1);
    expect(resource.spec.replicas).toBeGreaterThanOrEqual(1);
    expect(resource.spec.replicas).toBeLessThanOrEqual(32767);
    expect(['delete', 'compact']).toContain(resource.spec.config['cleanup.policy']);
  }
}

describe('topic definitions', { timeout: 30_000 }, () => {
  const DEAD_LETTER_CONFIG = {
    'cleanup.policy': 'delete',
    'min.insync.replicas': '2',
    'retention.ms': '2592000000',
  };

  it('banking: one events topic per aggregate and system, a compacted state topic where asked, prod settings', () => {
    const { board, name } = readExample('banking-payments');
    const { topics } = topicFiles(board, { boardName: name, org: 'acme' });
    expect(
      topics.map((topic) => [
        topic.name,
        topic.keyField,
        topic.partitions,
        topic.replicationFactor,
        topic.config,
      ]),
    ).toEqual([
      // Where the consumers of each context put what they cannot use (the services export's dead letters).
      ['acme.fraud-detection.dead-letter', 'partitionkey', 1, 3, DEAD_LETTER_CONFIG],
      [
        'acme.fraud-detection.fraud-check.events',
        'paymentId',
        12,
        3,
        { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': '2592000000' },
      ],
      [
        'acme.notifications.alert.events',
        'alertId',
        3,
        3,
        { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': '1209600000' },
      ],
      ['acme.notifications.dead-letter', 'partitionkey', 1, 3, DEAD_LETTER_CONFIG],
      [
        'acme.notifications.messaging-gateway-sms-e-mail-push.events',
        'alertId',
        3,
        3,
        { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': '604800000' },
      ],
      ['acme.payments.dead-letter', 'partitionkey', 1, 3, DEAD_LETTER_CONFIG],
      [
        'acme.payments.payment.events',
        'paymentId',
        6,
        3,
        { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': '604800000' },
      ],
      [
        'acme.payments.payment.state',
        'paymentId',
        6,
        3,
        { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' },
      ],
    ]);
  });

  it('the dev profile uses one replica and min.insync.replicas 1', () => {
    const { board } = readExample('container-shipping');
    const { topics } = topicFiles(board, { profile: 'dev' });
    expect(topics.length).toBeGreaterThan(4);
    for (const topic of topics) {
      expect([topic.replicationFactor, topic.config['min.insync.replicas']]).toEqual([1, '1']);
    }
  });

  for (const example of EXAMPLES) {
    it(`${example}: names are legal Kafka and Kubernetes names; Strimzi YAML (v1 and v1beta2) parses`, () => {
      const { board } = readExample(example);
      const { text, topics } = topicFiles(board);
      for (const topic of topics) {
        expect(topic.name).toMatch(TOPIC_NAME);
        expect(topic.name.length).toBeLessThanOrEqual(249);
      }
      checkStrimzi(text('topics/strimzi-topics.yaml'), topics, 'kafka.strimzi.io/v1');
      const beta = topicFiles(board, { strimziApiVersion: 'v1beta2' });
      checkStrimzi(beta.text('topics/strimzi-topics.yaml'), beta.topics, 'kafka.strimzi.io/v1beta2');
    });
  }

  it('random boards: unique legal topic names (also after Kafka folds "." and "_"), parseable Strimzi YAML', () => {
    for (const board of fc.sample(randomBoard, { seed: RANDOM_SEED, numRuns: 40 })) {
      const { text, topics } = topicFiles(board);
      const names = topics.map((topic) => topic.name);
      expect(new Set(names.map((name) => name.replace(/\./g, '_'))).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(TOPIC_NAME);
      checkStrimzi(text('topics/strimzi-topics.yaml'), topics, 'kafka.strimzi.io/v1');
    }
  });

  it('Terraform resources carry every config value as a string', () => {
    const { board } = readExample('banking-payments');
    const { text, topics } = topicFiles(board);
    const terraform = text('topics/kafka-topics.tf');
    expect(terraform).toContain('source = "Mongey/kafka"');
    const blocks = terraform.split('resource "kafka_topic" ').slice(1);
    expect(blocks).toHaveLength(topics.length);
    blocks.forEach((block, i) => {
      const topic = topics[i]!;
      expect(block).toContain(`name               = "${topic.name}"`);
      expect(block).toContain(`replication_factor = ${topic.replicationFactor}`);
      const configLines = block.split('config = {')[1]!.split('}')[0]!.trim().split('\n');
      expect(configLines.map((line) => line.trim())).toEqual(
        Object.entries(topic.config).map(([key, value]) => `"${key}" = "${value}"`),
      );
    });
  });

  it('create-topics.sh is valid sh and calls kafka-topics.sh --create --if-not-exists once per topic', async () => {
    const { board } = readExample('container-shipping');
    const { files, topics } = topicFiles(board, { kafkaHost: 'broker-1:9092' });
    const out = join(dir, 'shell');
    writeFiles(out, files);
    const script = join(out, 'topics', 'create-topics.sh');
    await run('sh', ['-n', script]);
    // Stands in for Kafka's kafka-topics.sh: records the arguments it gets, one line per call.
    const recorder = join(out, 'record-args.sh');
    const log = join(out, 'calls.log');
    writeFileSync(recorder, `#!/bin/sh\nprintf '%s ' "$@" >> '${log}'\nprintf '\\n' >> '${log}'\n`);
    chmodSync(recorder, 0o755);
    await run('sh', [script], { env: { PATH: process.env.PATH ?? '', KAFKA_TOPICS: recorder } });
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.trimEnd());
    expect(calls).toEqual(
      topics.map(
        (topic) =>
          `--bootstrap-server broker-1:9092 --create --if-not-exists --topic ${topic.name} --partitions ${topic.partitions} --replication-factor ${topic.replicationFactor} ${Object.entries(
            topic.config,
          )
            .map(([key, value]) => `--config ${key}=${value}`)
            .join(' ')}`,
      ),
    );
  });
});

/** An in-memory cluster answering like KafkaJS's admin client: createTopics skips existing topics. */
function memoryCluster() {
  const topics = new Map<string, { partitions: number; replicas: number; config: Map<string, string> }>();
  return {
    topics,
    admin: {
      async listTopics() {
        return [...topics.keys()];
      },
      async createTopics(options: {
        topics: Array<{
          topic: string;
          numPartitions: number;
          replicationFactor: number;
          configEntries: Array<{ name: string; value: string }>;
        }>;
      }) {
        let created = false;
        for (const topic of options.topics) {
          if (topics.has(topic.topic)) continue;
          created = true;
          topics.set(topic.topic, {
            partitions: topic.numPartitions,
            replicas: topic.replicationFactor,
            config: new Map(topic.configEntries.map((entry) => [entry.name, entry.value])),
          });
        }
        return created;
      },
      async fetchTopicMetadata(options: { topics: string[] }) {
        return {
          topics: options.topics.map((name) => {
            const topic = topics.get(name)!;
            return {
              name,
              partitions: Array.from({ length: topic.partitions }, () => ({
                replicas: Array.from({ length: topic.replicas }, (_, i) => i),
              })),
            };
          }),
        };
      },
      async describeConfigs(options: { resources: Array<{ name: string; configNames?: string[] }> }) {
        return {
          resources: options.resources.map((resource) => ({
            resourceName: resource.name,
            configEntries: (resource.configNames ?? []).map((configName) => ({
              configName,
              configValue: topics.get(resource.name)?.config.get(configName) ?? null,
            })),
          })),
        };
      },
    },
  };
}

describe('create-topics.ts (the generated admin script)', { timeout: 30_000 }, () => {
  it('creates missing topics, then reports existing topics whose settings differ instead of skipping them', async () => {
    const { board } = readExample('banking-payments');
    const { files, topics } = topicFiles(board);
    const out = join(dir, 'admin');
    writeFiles(out, files);
    const script = (await import(
      pathToFileURL(join(out, 'topics', 'create-topics.ts')).href
    )) as typeof import('./helpers/admin-script-shape.ts');
    const cluster = memoryCluster();

    const first = await script.createTopics(cluster.admin);
    expect(first.created).toEqual(topics.map((topic) => topic.name));
    expect(first.drifted).toEqual([]);

    const second = await script.createTopics(cluster.admin);
    expect([second.created, second.drifted]).toEqual([[], []]);
    expect(second.unchanged).toEqual(topics.map((topic) => topic.name));

    const payment = cluster.topics.get('example.payments.payment.events')!;
    payment.partitions = 2;
    payment.config.set('retention.ms', '86400000');
    const third = await script.createTopics(cluster.admin);
    expect(third.drifted).toEqual([
      { topic: 'example.payments.payment.events', setting: 'partitions', expected: '6', actual: '2' },
      {
        topic: 'example.payments.payment.events',
        setting: 'retention.ms',
        expected: '604800000',
        actual: '86400000',
      },
    ]);
    expect(script.formatTopicsReport(third)).toContain(
      'DIFFERENT example.payments.payment.events: partitions is 2, the board says 6',
    );
  });
});
