import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import connectorSchema from '../../schema/kafka-connect-s3-sink.schema.json' with { type: 'json' };
import { subjectBodyPath } from '../../src/export/registry.ts';
import { type ExportFile, exportBoard, type JsonSchema } from '../../src/index.ts';
import { EXAMPLES, readExample, scratchDir, writeFiles } from './helpers/boards.ts';
import { RANDOM_SEED, randomBoard } from './helpers/random-board.ts';
import { sampleFor } from './helpers/samples.ts';

const dir = scratchDir('registry');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Subject {
  subject: string;
  topic: string;
  part: 'value' | 'key';
  schemaType: string;
  compatibility: string;
  schema: JsonSchema;
}

const file = (files: readonly ExportFile[], path: string) => {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.contents;
};

function subjectsOf(files: readonly ExportFile[]): Subject[] {
  return (JSON.parse(file(files, 'registry/subjects.json')) as { subjects: Subject[] }).subjects;
}

function eventsTopics(
  files: readonly ExportFile[],
): Array<{ name: string; context: string; partitions: number }> {
  const { topics } = JSON.parse(file(files, 'topics/topics.json')) as {
    topics: Array<{ name: string; kind: string; context: string; partitions: number }>;
  };
  return topics.filter((topic) => topic.kind === 'events');
}

describe('Schema Registry subjects', () => {
  it.each(EXAMPLES)(
    '%s: a value and a key subject per events topic, each schema valid for its events',
    (example) => {
      const { board, name } = readExample(example);
      const { files } = exportBoard(board, { boardName: name, version: '3.1.0' });
      const subjects = subjectsOf(files);
      const topics = eventsTopics(files).map((topic) => topic.name);
      expect(subjects.map((s) => s.subject).sort()).toEqual(
        topics.flatMap((t) => [`${t}-key`, `${t}-value`]).sort(),
      );
      const ajv = new Ajv({ strict: true, allErrors: true });
      addFormats(ajv);
      for (const subject of subjects) {
        expect(subject).toMatchObject({
          schemaType: 'JSON',
          compatibility: subject.part === 'value' ? 'BACKWARD' : 'FULL',
        });
        // The request body is exactly what POST /subjects/<subject>/versions takes: the schema as a string.
        const body = JSON.parse(file(files, `registry/subjects/${subject.subject}.json`)) as Record<
          string,
          unknown
        >;
        expect(Object.keys(body).sort()).toEqual(['schema', 'schemaType']);
        expect(JSON.parse(String(body.schema))).toEqual(subject.schema);
        const validate = ajv.compile(subject.schema);
        if (subject.part === 'key') {
          expect(validate('6b1f2d4e-8a3c-4f5e-9d7a-0c1b2e3f4a5b')).toBe(true);
          continue;
        }
        // Every event's JSON Schema sample is a valid value of its topic, and garbage is not.
        const branches = subject.schema.anyOf as JsonSchema[];
        expect(branches.length).toBeGreaterThan(0);
        for (const branch of branches)
          expect(validate(sampleFor(branch)), JSON.stringify(validate.errors)).toBe(true);
        expect(validate({ notAField: true })).toBe(false);
      }
      expect(file(files, 'registry/register-schemas.sh')).toContain('(contract version 3.1.0)');
    },
  );

  it('compile on random boards too', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(randomBoard, (board) => {
        const { files } = exportBoard(board, { only: ['registry', 'topics'] });
        const ajv = new Ajv({ strict: true });
        addFormats(ajv);
        const topics = eventsTopics(files);
        if (topics.length === 0) {
          expect(files.some((f) => f.path.startsWith('registry/'))).toBe(false);
          return;
        }
        for (const subject of subjectsOf(files)) ajv.compile(subject.schema);
      }),
      { seed: RANDOM_SEED, numRuns: 8 },
    );
  });
});

interface RecordedRequest {
  method: string;
  url: string;
  body: string;
  authorization: string | undefined;
  contentType: string | undefined;
}

describe('register-schemas.sh against a Schema Registry (an HTTP server on 127.0.0.1)', {
  timeout: 60_000,
}, () => {
  let server: Server;
  let url = '';
  let requests: RecordedRequest[] = [];
  let refuse: string | undefined;

  beforeAll(async () => {
    let nextId = 1;
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const recorded = {
          method: request.method ?? '',
          url: request.url ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
        };
        requests.push(recorded);
        response.setHeader('content-type', 'application/vnd.schemaregistry.v1+json');
        if (refuse && recorded.url.includes(refuse) && recorded.method === 'POST') {
          response
            .writeHead(409)
            .end('{"error_code":409,"message":"Schema being registered is incompatible"}');
        } else if (recorded.method === 'PUT') {
          response.end(recorded.body);
        } else {
          response.end(JSON.stringify({ id: nextId++ }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function run(
    script: string,
    env: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile('sh', [script], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it('sets each subject compatibility, then registers its schema, and prints the ids', async () => {
    const { board, name } = readExample('banking-payments');
    const { files } = exportBoard(board, { boardName: name });
    writeFiles(join(dir, 'banking'), files);
    requests = [];
    const result = await run(join(dir, 'banking', 'registry', 'register-schemas.sh'), {
      SCHEMA_REGISTRY_URL: url,
      SCHEMA_REGISTRY_AUTH: 'squall:s3cret',
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const subjects = subjectsOf(files);
    expect(requests).toHaveLength(subjects.length * 2);
    subjects.forEach((subject, index) => {
      const [config, version] = [requests[index * 2]!, requests[index * 2 + 1]!];
      expect([config.method, config.url, JSON.parse(config.body)]).toEqual([
        'PUT',
        `/config/${subject.subject}`,
        { compatibility: subject.compatibility },
      ]);
      expect([version.method, version.url]).toEqual(['POST', `/subjects/${subject.subject}/versions`]);
      expect(JSON.parse(version.body)).toEqual({
        schemaType: 'JSON',
        schema: JSON.stringify(subject.schema),
      });
      expect(version.contentType).toBe('application/vnd.schemaregistry.v1+json');
      expect(version.authorization).toBe(`Basic ${Buffer.from('squall:s3cret').toString('base64')}`);
    });
    expect(result.stdout).toContain(
      `registered ${subjects[0]!.subject} (${subjects[0]!.compatibility}): {"id":1}`,
    );
  });

  it('stops with a non-zero exit when the registry refuses a schema as incompatible', async () => {
    const { board, name } = readExample('banking-payments');
    const { files } = exportBoard(board, { boardName: name });
    writeFiles(join(dir, 'refused'), files);
    const refused = subjectsOf(files)[1]!.subject;
    refuse = refused;
    requests = [];
    try {
      const result = await run(join(dir, 'refused', 'registry', 'register-schemas.sh'), {
        SCHEMA_REGISTRY_URL: url,
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('409');
      // Nothing after the refused subject was sent.
      expect(requests.at(-1)!.url).toBe(`/subjects/${refused}/versions`);
      expect(requests[0]!.authorization).toBeUndefined();
    } finally {
      refuse = undefined;
    }
  });
});

describe('subjectBodyPath', () => {
  it('keeps short subjects as they are and shortens long ones apart, within 100 characters a segment', () => {
    expect(subjectBodyPath('acme.sales.order.events-value')).toBe(
      'subjects/acme.sales.order.events-value.json',
    );
    const long = `acme.${'x'.repeat(120)}.order.events`;
    const [value, key] = [subjectBodyPath(`${long}-value`), subjectBodyPath(`${long}-key`)];
    expect(value).not.toBe(key);
    for (const path of [value, key]) {
      for (const segment of path.split('/')) expect(segment.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('Kafka Connect event archive connectors', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(connectorSchema);

  function connectorsOf(files: readonly ExportFile[]) {
    return files
      .filter((f) => f.path.startsWith('connect/'))
      .map((f) => ({
        path: f.path,
        connector: JSON.parse(f.contents) as { name: string; config: Record<string, string> },
      }));
  }

  it.each(EXAMPLES)(
    '%s: one per context with events, valid against the schema, archiving exactly its event topics',
    (example) => {
      const { board, name } = readExample(example);
      const { files } = exportBoard(board, { boardName: name, org: 'acme' });
      const topics = eventsTopics(files);
      const connectors = connectorsOf(files);
      expect(connectors.length).toBe(new Set(topics.map((t) => t.context)).size);
      const archived: string[] = [];
      for (const { path, connector } of connectors) {
        expect(validate(connector), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
        const own = connector.config.topics!.split(',');
        archived.push(...own);
        const contexts = new Set(topics.filter((t) => own.includes(t.name)).map((t) => t.context));
        expect(contexts.size, path).toBe(1);
        const [context] = [...contexts];
        expect(connector.name).toBe(`acme.${context}.event-archive`);
        expect(connector.config['topics.dir']).toBe(`events/${context}`);
        const partitions = topics
          .filter((t) => own.includes(t.name))
          .reduce((sum, t) => sum + t.partitions, 0);
        expect(Number(connector.config['tasks.max'])).toBeLessThanOrEqual(partitions);
        expect(connector.config['s3.bucket.name']).toBe('acme-event-archive');
      }
      expect(archived.sort()).toEqual(topics.map((t) => t.name).sort());
    },
  );

  it('the schema refuses what Kafka Connect would refuse or what would lose events', () => {
    const { board, name } = readExample('banking-payments');
    const [{ connector }] = connectorsOf(exportBoard(board, { boardName: name }).files) as unknown as [
      { connector: { name: string; config: Record<string, string> } },
    ];
    const broken = (patch: Record<string, unknown>) => ({
      ...connector,
      config: { ...connector.config, ...patch },
    });
    expect(validate(connector)).toBe(true);
    expect(validate(broken({ 'tasks.max': 3 }))).toBe(false); // a number, not a string
    expect(validate(broken({ topics: 'a_b' }))).toBe(false);
    expect(validate(broken({ 'store.kafka.headers': 'false' }))).toBe(false); // the CloudEvents headers would be lost
    expect(validate(broken({ 's3.bucket.name': 'Upper_Case' }))).toBe(false);
    expect(validate({ name: connector.name })).toBe(false);
  });

  it('valid on random boards too', () => {
    fc.assert(
      fc.property(randomBoard, fc.constantFrom('example', 'Acme Corp', '42'), (board, org) => {
        for (const { path, connector } of connectorsOf(
          exportBoard(board, { org, only: ['connect'] }).files,
        )) {
          expect(validate(connector), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }),
      { seed: RANDOM_SEED, numRuns: 20 },
    );
  });
});
