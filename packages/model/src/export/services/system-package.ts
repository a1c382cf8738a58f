import type { ExportFile } from '../export-file.ts';
import type { PlanContext } from '../plan.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import { imports } from './aggregate-files.ts';
import { developer, generated, RUNTIME_INDEX } from './file-text.ts';
import { type Saga, sagas } from './saga.ts';
import { packageJson, packageTsconfig, SERVICE_DEPENDENCIES } from './service-files.ts';
import type { ServicePlan, ServicesPlan } from './service-plan.ts';
import { sampleCommand } from './test-files.ts';

const FOLDER = 'services/system';

const serviceVar = (service: ServicePlan) => `${service.context.name.camel}Service`;

function remoteWiring(services: ServicesPlan, service: ServicePlan): string {
  const byContext = new Map<PlanContext, string[]>();
  const seen = new Set<string>();
  for (const policy of service.policies) {
    for (const c of [...policy.commands, ...policy.compensations]) {
      if (!c.remote || seen.has(c.tag)) continue;
      seen.add(c.tag);
      const target = services.services.find((s) => s.context === c.command.owner.context)!;
      const list = byContext.get(c.command.owner.context) ?? [];
      list.push(
        `        ${c.command.name.camel}: (data) => ${serviceVar(target)}.commands.${c.command.name.camel}(data),\n`,
      );
      byContext.set(c.command.owner.context, list);
    }
  }
  if (byContext.size === 0) return '';
  return `    remote: {\n${[...byContext].map(([context, lines]) => `      ${context.name.camel}: {\n${lines.join('')}      },\n`).join('')}    },\n`;
}

function systemFile(services: ServicesPlan): ExportFile {
  const path = `${FOLDER}/src/system.ts`;
  const lines: Array<[string, string]> = [['{ type Clock, InProcessBus, systemClock }', RUNTIME_INDEX]];
  for (const service of services.services) {
    lines.push([
      `{ createService as create${service.context.name.pascal}Service }`,
      `${service.folder}/src/service.ts`,
    ]);
  }
  const creations = services.services.map(
    (service) =>
      `  const ${serviceVar(service)} = create${service.context.name.pascal}Service({\n    bus,\n    clock,\n${remoteWiring(services, service)}  });\n`,
  );
  const body = [
    imports(path, lines),
    '\n',
    tsDoc([
      'Every service of the board in one process, on one in-process bus, each with its in-memory event store:',
      'for tests and local runs. Commands one service sends another are wired directly here.',
    ]),
    'export function createSystem(options: { readonly clock?: Clock } = {}) {\n',
    '  const bus = new InProcessBus();\n',
    '  const clock = options.clock ?? systemClock;\n',
    ...creations,
    `  return {\n    bus,\n    services: {\n${services.services.map((s) => `      ${s.context.name.camel}: ${serviceVar(s)},\n`).join('')}    },\n    start: () => bus.start(),\n    /** Resolves when every event so far, and all it caused, is handled. */\n    idle: () => bus.idle(),\n  };\n}\n`,
  ];
  return generated(services.plan, path, body.join(''));
}

function sagaTitle(saga: Saga): string {
  const parts = [oneLine(saga.entry.element.text)];
  for (const step of saga.steps) {
    if (step.kind === 'event') parts.push(oneLine(step.event.element.text));
    else parts.push(`(${oneLine(step.text)}) ${oneLine(step.command.element.text)}`);
  }
  return parts.join(' → ');
}

function sagaTestFile(services: ServicesPlan, all: readonly Saga[]): ExportFile {
  const path = `${FOLDER}/test/saga.test.ts`;
  const lines: Array<[string, string]> = [['{ testClock }', RUNTIME_INDEX]];
  const titles = all.map(sagaTitle);
  const tests = all.map((saga, i) => {
    const types = saga.events.map((event) => `      ${tsString(event.cloudEventType)},\n`).join('');
    return [
      `test(${tsString(titles[i]!)}, async () => {\n`,
      '  const system = createSystem({ clock: testClock() });\n',
      '  await system.start();\n',
      `  await system.services.${saga.service.context.name.camel}.commands.${saga.entry.name.camel}(${sampleCommand(saga.entry, '  ')});\n`,
      '  await system.idle();\n',
      `  assert.deepEqual(\n    system.bus.published.map((event) => event.type),\n    [\n${types}    ],\n  );\n`,
      '  assert.deepEqual(system.bus.deadLetters, []);\n',
      '});\n',
    ].join('');
  });
  const body = [
    "import assert from 'node:assert/strict';\n",
    "import { test } from 'node:test';\n",
    imports(path, [...lines, ['{ createSystem }', `${FOLDER}/src/system.ts`]]),
    '\n',
    "// Each saga starts with a command no policy sends (an actor's) and runs through the in-process bus, as the\n",
    "// board draws it; the event types are what Squall's scaffolds publish. Change them as your decisions change.\n",
    tests.length
      ? `\n${tests.join('\n')}`
      : "\ntest('no saga: no command starts a chain of events', () => {});\n",
  ];
  return developer(
    services.plan,
    path,
    body.join(''),
    titles.map((title) => `saga ${title}`),
  );
}

/** `services/system`: all services composed in one process, and the saga tests over them. */
export function systemPackage(services: ServicesPlan): ExportFile[] {
  return [
    systemFile(services),
    sagaTestFile(services, sagas(services)),
    packageJson(
      services,
      FOLDER,
      'Every service of the board in one process, for tests and local runs.',
      SERVICE_DEPENDENCIES,
    ),
    packageTsconfig(FOLDER),
  ];
}
