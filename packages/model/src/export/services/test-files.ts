import type { ExportFile } from '../export-file.ts';
import type { PlanCommand, PlanEvent, PlanOwner } from '../plan.ts';
import { oneLine, tsString } from '../source-text.ts';
import { imports, ownerFolder } from './aggregate-files.ts';
import { developer, RUNTIME_INDEX } from './file-text.ts';
import { SAMPLE_ID, SAMPLE_TIME, sampleObject } from './payload-code.ts';
import { policyFolder } from './policy-files.ts';
import { readModelFolder } from './read-model-files.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServicePlan, ServicesPlan } from './service-plan.ts';

/** A sample event in its envelope, valid against its schema: the literal generated tests start from. */
export function sampleEnvelope(refs: ContractRefs, event: PlanEvent, indent: string): string {
  const inner = `${indent}  `;
  return [
    '{\n',
    `${inner}specversion: '1.0',\n`,
    `${inner}id: 'sample-event',\n`,
    `${inner}source: ${tsString(`/${event.owner.context.segment}`)},\n`,
    `${inner}type: ${refs.eventType(event)},\n`,
    `${inner}subject: SAMPLE_ID,\n`,
    `${inner}partitionkey: SAMPLE_ID,\n`,
    `${inner}time: ${tsString(SAMPLE_TIME)},\n`,
    `${inner}datacontenttype: 'application/json',\n`,
    `${inner}data: ${sampleObject(event.properties, inner, event.owner.keyField)},\n`,
    `${indent}}`,
  ].join('');
}

export function sampleCommand(command: PlanCommand, indent: string): string {
  return sampleObject(command.properties, indent, command.owner.keyField);
}

function aggregateTests(services: ServicesPlan, refs: ContractRefs, owner: PlanOwner): string[] {
  const tests: string[] = [];
  const label = oneLine(owner.element!.text);
  for (const command of owner.commands) {
    const outcome = services.outcome.get(command.element.id);
    const expected = outcome ? `[${refs.eventType(outcome)}]` : '';
    tests.push(
      `test(${tsString(`${label}: decide ${oneLine(command.element.text)} → ${outcome ? oneLine(outcome.element.text) : 'nothing'}, valid and evolved`)}, () => {\n`,
      `  const command: ${localTypes.command(owner)} = { type: ${tsString(command.name.pascal)}, data: ${sampleCommand(command, '  ')} };\n`,
      `  const decided = ${owner.name.camel}Aggregate.decide(command, ${owner.name.camel}Aggregate.initialState, { aggregateId: SAMPLE_ID, ...context() });\n`,
      outcome
        ? `  assert.deepEqual(decided.map((event) => event.type), ${expected});\n`
        : '  assert.equal(decided.length, 0);\n',
    );
    if (outcome) {
      tests.push(
        `  const events = toCloudEvents<${refs.ownerUnion(owner)}>(decided, { source: 'test', aggregateId: SAMPLE_ID, clock: testClock() });\n`,
        `  for (const event of events) assert.deepEqual(${refs.ownerUnionSchema(owner)}.safeParse(event).error, undefined);\n`,
        `  const state = events.reduce(${owner.name.camel}Aggregate.evolve, ${owner.name.camel}Aggregate.initialState);\n`,
        `  assert.equal(state.status, ${tsString(outcome.name.camel)});\n`,
      );
    }
    tests.push('});\n\n');
  }
  for (const event of owner.events) {
    tests.push(
      `test(${tsString(`${label}: evolve ${oneLine(event.element.text)}`)}, () => {\n`,
      `  const event: ${refs.envelope(event)} = ${sampleEnvelope(refs, event, '  ')};\n`,
      `  assert.deepEqual(${refs.ownerUnionSchema(owner)}.safeParse(event).error, undefined);\n`,
      `  const state = ${owner.name.camel}Aggregate.evolve(${owner.name.camel}Aggregate.initialState, event);\n`,
      `  assert.equal(state.status, ${tsString(event.name.camel)});\n`,
      '  assert.equal(state.id, SAMPLE_ID);\n',
      '});\n\n',
    );
  }
  const first = owner.commands.find((command) => services.outcome.get(command.element.id));
  if (first && owner.element?.kind === 'aggregate') {
    tests.push(
      `test(${tsString(`${label}: the handler appends with the version it loaded, and starts over on a conflict`)}, async () => {\n`,
      '  const store = new InMemoryEventStore();\n',
      '  let conflicts = 1;\n',
      '  const racing: EventStore = {\n    load: (id) => store.load(id),\n    async append(id, expected, events) {\n      if (conflicts-- > 0) throw new ConcurrencyError(id, expected, expected + 1);\n      return store.append(id, expected, events);\n    },\n  };\n',
      '  const bus = new InProcessBus();\n',
      `  const handle = ${owner.name.camel}Aggregate.create${owner.name.pascal}Handler({ store: racing, bus, clock: testClock() });\n`,
      `  const events = await handle({ type: ${tsString(first.name.pascal)}, data: ${sampleCommand(first, '  ')} });\n`,
      '  assert.equal(events.length, 1);\n',
      '  assert.deepEqual(bus.published, events);\n',
      '  const [streamId] = store.streamIds();\n',
      '  assert.equal((await store.load(streamId!)).version, 1);\n',
      '  conflicts = Number.POSITIVE_INFINITY;\n',
      `  await assert.rejects(handle({ type: ${tsString(first.name.pascal)}, data: ${sampleCommand(first, '  ')} }), ConcurrencyError);\n`,
      '});\n\n',
    );
  }
  return tests;
}

/** `test/service.test.ts`: every decide/evolve pair, the handler's concurrency, each policy and projection. */
export function serviceTestFile(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
): ExportFile {
  const path = `${service.folder}/test/service.test.ts`;
  const lines: Array<[string, string]> = [];
  const contexts = new Set(service.contractContexts.map((c) => refs.ns(c)));
  for (const owner of service.aggregates) {
    const folder = ownerFolder(service, owner);
    lines.push([`{ evolve as ${owner.name.camel}Evolve }`, `${folder}/evolve.ts`]);
    lines.push([`{ initialState as ${owner.name.camel}InitialState }`, `${folder}/initial-state.ts`]);
    if (owner.commands.length) {
      lines.push([`{ decide as ${owner.name.camel}Decide }`, `${folder}/decide.ts`]);
      lines.push([`{ create${owner.name.pascal}Handler }`, `${folder}/handler.ts`]);
      lines.push([`type { ${localTypes.command(owner)} }`, `${folder}/types.ts`]);
    }
  }
  const body: string[] = [];
  for (const owner of service.aggregates) {
    const c = owner.name.camel;
    body.push(
      `/** The aggregate's functions, as one value. */\nconst ${c}Aggregate = {\n  evolve: ${c}Evolve,\n  initialState: ${c}InitialState,\n${owner.commands.length ? `  decide: ${c}Decide,\n  create${owner.name.pascal}Handler,\n` : ''}};\n`,
    );
  }
  const tests: string[] = [];
  for (const owner of service.aggregates) tests.push(...aggregateTests(services, refs, owner));
  for (const owner of service.systems) {
    if (owner.commands.length === 0) continue;
    const folder = ownerFolder(service, owner);
    lines.push([`{ call as ${owner.name.camel}Call }`, `${folder}/adapter.ts`]);
    lines.push([`type { ${localTypes.command(owner)} }`, `${folder}/types.ts`]);
    for (const command of owner.commands) {
      const outcome = services.outcome.get(command.element.id);
      tests.push(
        `test(${tsString(`${oneLine(owner.element!.text)}: the adapter's answer to ${oneLine(command.element.text)} is valid`)}, async () => {\n`,
        `  const command: ${localTypes.command(owner)} = { type: ${tsString(command.name.pascal)}, data: ${sampleCommand(command, '  ')} };\n`,
        `  const returned = await ${owner.name.camel}Call(command, { aggregateId: SAMPLE_ID, ...context() });\n`,
        outcome
          ? `  assert.deepEqual(returned.map((event) => event.type), [${refs.eventType(outcome)}]);\n`
          : '  assert.equal(returned.length, 0);\n',
        ...(outcome
          ? [
              `  const events = toCloudEvents<${refs.ownerUnion(owner)}>(returned, { source: 'test', aggregateId: SAMPLE_ID, clock: testClock() });\n`,
              `  for (const event of events) assert.deepEqual(${refs.ownerUnionSchema(owner)}.safeParse(event).error, undefined);\n`,
            ]
          : []),
        '});\n\n',
      );
    }
  }
  for (const policy of service.policies) {
    const p = policy.policy.name.pascal;
    const folder = policyFolder(service, policy);
    lines.push([`{ react as react${p} }`, `${folder}/react.ts`]);
    for (const event of policy.triggers) {
      tests.push(
        `test(${tsString(`policy ${oneLine(policy.policy.element.text)}: ${oneLine(event.element.text)} → ${policy.commands.map((c) => oneLine(c.command.element.text)).join(', ') || 'nothing'}`)}, () => {\n`,
        `  const event: ${refs.envelope(event)} = ${sampleEnvelope(refs, event, '  ')};\n`,
        `  const commands = react${p}(event, context());\n`,
        policy.commands.length > 0
          ? `  assert.deepEqual(commands.map((command) => command.type), [${policy.commands.map((c) => tsString(c.tag)).join(', ')}]);\n`
          : '  assert.equal(commands.length, 0);\n',
        ...policy.commands.map(
          (c, i) =>
            `  assert.deepEqual(${refs.payload(c.command, 'Schema')}.safeParse(commands[${i}]?.data).error, undefined);\n`,
        ),
        '});\n\n',
      );
    }
  }
  for (const readModel of service.readModels) {
    const r = readModel.readModel.name.pascal;
    lines.push([`{ project as project${r} }`, `${readModelFolder(service, readModel)}/project.ts`]);
    for (const event of readModel.feeds) {
      tests.push(
        `test(${tsString(`read model ${oneLine(readModel.readModel.element.text)}: projects ${oneLine(event.element.text)}`)}, () => {\n`,
        `  const event: ${refs.envelope(event)} = ${sampleEnvelope(refs, event, '  ')};\n`,
        `  const view = project${r}(undefined, event);\n`,
        '  assert.equal(view?.id, SAMPLE_ID);\n',
        '});\n\n',
      );
    }
  }
  const runtime = ['testClock'];
  if (tests.some((t) => t.includes('toCloudEvents'))) runtime.push('toCloudEvents');
  if (tests.some((t) => t.includes('InMemoryEventStore')))
    runtime.push('ConcurrencyError', 'type EventStore', 'InMemoryEventStore', 'InProcessBus');
  const usedContexts = [...contexts].filter((ns) => tests.some((t) => t.includes(`${ns}.`))).sort();
  const header = [
    "import assert from 'node:assert/strict';\n",
    "import { test } from 'node:test';\n",
    imports(path, [
      [
        `{ ${runtime.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} }`,
        RUNTIME_INDEX,
      ],
      ...(usedContexts.length
        ? ([[`{ ${usedContexts.join(', ')} }`, `${service.folder}/src/contracts.ts`]] as Array<
            [string, string]
          >)
        : []),
      ...lines,
    ]),
    `\nconst SAMPLE_ID = ${tsString(SAMPLE_ID)};\n`,
    'const context = () => {\n  const clock = testClock();\n  return { now: clock.now(), newId: () => clock.newId() };\n};\n\n',
    ...body,
    '\n',
  ];
  return developer(
    services.plan,
    path,
    `${[...header, ...tests].join('').trimEnd()}\n`,
    tests.filter((t) => t.startsWith('test(')).map((t) => `test ${t.slice(5, t.indexOf(', ('))}`),
  );
}
