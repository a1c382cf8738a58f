import type { ExportFile } from '../export-file.ts';
import type { PlanContext, PlanEvent, PlanOwner } from '../plan.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import { imports, ownerFolder } from './aggregate-files.ts';
import { exhaustive, generated, importPath, RUNTIME_INDEX } from './file-text.ts';
import { policyFolder } from './policy-files.ts';
import { readModelFolder } from './read-model-files.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServiceCommand, ServicePlan, ServicesPlan } from './service-plan.ts';

/** `routes.payments.PaymentRequested`: unique, as context names are, and event names within one. */
export function routeRef(event: PlanEvent): string {
  return `routes.${event.owner.context.name.camel}.${event.name.pascal}`;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Events the service publishes (its aggregates' and systems'), then the ones it consumes. */
export function serviceEvents(service: ServicePlan): { published: PlanEvent[]; consumed: PlanEvent[] } {
  const published = [...service.aggregates, ...service.systems].flatMap((owner) =>
    owner.eventsTopic ? owner.events : [],
  );
  const consumed = unique([
    ...service.policies.flatMap((p) => [...p.triggers, ...p.failures]),
    ...service.readModels.flatMap((r) => r.feeds),
  ]);
  return { published, consumed };
}

function contractsFile(services: ServicesPlan, service: ServicePlan, refs: ContractRefs): ExportFile {
  const path = `${service.folder}/src/contracts.ts`;
  const lines = service.contractContexts.map(
    (context) =>
      `export * as ${refs.ns(context)} from '${importPath(path, `typescript/${context.name.kebab}/index.ts`)}';\n`,
  );
  return generated(
    services.plan,
    path,
    `\n/** The contracts this service uses, from the TypeScript export (\`typescript/\`): one namespace per bounded context. */\n${lines.join('')}export { cloudEventSchema } from '${importPath(path, 'typescript/envelope.ts')}';\n`,
  );
}

function routesFile(services: ServicesPlan, service: ServicePlan, refs: ContractRefs): ExportFile {
  const path = `${service.folder}/src/routes.ts`;
  const { published, consumed } = serviceEvents(service);
  const all = unique([...published, ...consumed]);
  const byContext = new Map<PlanContext, PlanEvent[]>();
  for (const event of all)
    byContext.set(event.owner.context, [...(byContext.get(event.owner.context) ?? []), event]);
  const groups = [...byContext].map(([context, events]) => {
    const entries = events.map((event) => {
      const type = refs.eventType(event);
      return `    ${event.name.pascal}: {\n      type: ${type},\n      topic: ${refs.eventsTopic(event.owner)},\n      schema: cloudEventSchema(${type}, ${refs.payload(event, 'Schema')}),\n    },\n`;
    });
    return `  ${context.name.camel}: {\n${entries.join('')}  },\n`;
  });
  const names = unique(all.map((e) => refs.ns(e.owner.context))).sort();
  return generated(
    services.plan,
    path,
    [
      imports(path, [
        ['type { EventRoute }', RUNTIME_INDEX],
        [`{ cloudEventSchema${names.map((n) => `, ${n}`).join('')} }`, `${service.folder}/src/contracts.ts`],
      ]),
      '\n/** Every event this service publishes or consumes: its topic (from the topic export) and its validator. */\n',
      `export const routes = {\n${groups.join('')}} as const satisfies Record<string, Record<string, EventRoute>>;\n`,
      '\n/** What this service publishes, on the topics of its aggregates, keyed by the aggregate id. */\n',
      `export const publishedRoutes: readonly EventRoute[] = [${published.map((e) => `\n  ${routeRef(e)},`).join('')}${published.length ? '\n' : ''}];\n`,
    ].join(''),
  );
}

function remoteCommands(service: ServicePlan): ServiceCommand[] {
  const seen = new Set<string>();
  return service.policies
    .flatMap((p) => [...p.commands, ...p.compensations])
    .filter((c) => c.remote && !seen.has(c.tag) && seen.add(c.tag));
}

/** `RemoteCommands`: commands this service's policies send to other services, grouped by context. */
function remoteInterface(refs: ContractRefs, remote: readonly ServiceCommand[]): string {
  const byContext = new Map<PlanContext, ServiceCommand[]>();
  for (const c of remote)
    byContext.set(c.command.owner.context, [...(byContext.get(c.command.owner.context) ?? []), c]);
  const groups = [...byContext].map(
    ([context, commands]) =>
      `  readonly ${context.name.camel}: {\n${commands.map((c) => `    ${c.command.name.camel}(data: ${refs.payload(c.command)}): Promise<unknown>;\n`).join('')}  };\n`,
  );
  return `\n/**\n * Commands this service's policies send to other services. How they get there is yours to choose (HTTP,\n * a command topic); the system package wires them in process.\n */\nexport interface RemoteCommands {\n${groups.join('')}}\n`;
}

function sendFunction(name: string, type: string, commands: readonly ServiceCommand[]): string {
  const cases = commands.map((c) => {
    const call = c.remote
      ? `deps.remote.${c.command.owner.context.name.camel}.${c.command.name.camel}(command.data)`
      : `commands.${c.command.name.camel}(command.data)`;
    return `      case ${tsString(c.tag)}:\n        await ${call};\n        break;\n`;
  });
  if (commands.length === 0)
    return `  async function ${name}(command: ${type}): Promise<void> {\n    return unhandled(command);\n  }\n`;
  return `  async function ${name}(command: ${type}): Promise<void> {\n    switch (command.type) {\n${cases.join('')}      default:\n        ${exhaustive('command', commands.length)};\n    }\n  }\n`;
}

function serviceFile(services: ServicesPlan, service: ServicePlan, refs: ContractRefs): ExportFile {
  const { plan } = services;
  const path = `${service.folder}/src/service.ts`;
  const owners: PlanOwner[] = [...service.aggregates, ...service.systems].filter(
    (o) => o.commands.length > 0,
  );
  const remote = remoteCommands(service);
  const runtime = ['type Clock', 'type EventBus', 'type EventStore', 'InMemoryEventStore', 'systemClock'];
  if (service.readModels.length > 0) runtime.push('InMemoryReadModelStore', 'type ReadModelStore');
  if (service.policies.length > 0) runtime.push('unhandled');
  const importLines: Array<[string, string]> = [
    [
      `{ ${runtime.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} }`,
      RUNTIME_INDEX,
    ],
  ];
  const contracts = unique([...owners.map((o) => o.context), ...remote.map((c) => c.command.owner.context)])
    .map((c) => refs.ns(c))
    .sort();
  if (contracts.length)
    importLines.push([`{ ${contracts.join(', ')} }`, `${service.folder}/src/contracts.ts`]);
  if (service.policies.length + service.readModels.length > 0)
    importLines.push(['{ routes }', `${service.folder}/src/routes.ts`]);
  for (const owner of owners)
    importLines.push([`{ create${owner.name.pascal}Handler }`, `${ownerFolder(service, owner)}/handler.ts`]);
  for (const policy of service.policies) {
    const p = policy.policy.name.pascal;
    const fns = [`react as react${p}`, ...(policy.failures.length ? [`compensate as compensate${p}`] : [])];
    importLines.push([`{ ${fns.join(', ')} }`, `${policyFolder(service, policy)}/react.ts`]);
    const types = [localTypes.policyCommand(p), localTypes.trigger(p)];
    if (policy.failures.length) types.push(localTypes.compensation(p), localTypes.failure(p));
    importLines.push([`type { ${types.sort().join(', ')} }`, `${policyFolder(service, policy)}/types.ts`]);
  }
  for (const readModel of service.readModels) {
    const r = readModel.readModel.name.pascal;
    const folder = readModelFolder(service, readModel);
    importLines.push([`{ project as project${r} }`, `${folder}/project.ts`]);
    importLines.push([`type { ${localTypes.feed(r)} }`, `${folder}/types.ts`]);
    importLines.push([`type { ${localTypes.view(r)} }`, `${folder}/view.ts`]);
  }
  const commandEntries = owners.flatMap((owner) =>
    owner.commands.map(
      (c) =>
        `    ${c.name.camel}: (data: ${refs.payload(c)}) => handlers.${owner.name.camel}({ type: ${tsString(c.name.pascal)}, data }),\n`,
    ),
  );
  const body: string[] = [
    imports(path, importLines),
    `\n/** Where this service's consumers put what they cannot use (defined in the topic export). */\nexport const DEAD_LETTER_TOPIC = ${tsString(service.deadLetterTopic)};\n`,
  ];
  if (remote.length) body.push(remoteInterface(refs, remote));
  body.push(
    '\nexport interface ServiceDeps {\n  readonly bus: EventBus;\n  /** Default: in memory (lost on restart). */\n  readonly eventStore?: EventStore;\n  /** Default: the system clock and random UUIDs. */\n  readonly clock?: Clock;\n',
    remote.length ? '  readonly remote: RemoteCommands;\n' : '',
    service.readModels.length
      ? `  /** Default: in memory. */\n  readonly readModels?: {\n${service.readModels.map((r) => `    readonly ${r.readModel.name.camel}?: ReadModelStore<${localTypes.view(r.readModel.name.pascal)}>;\n`).join('')}  };\n`
      : '',
    '}\n\n',
    tsDoc([
      `The ${oneLine(service.context.element?.text ?? 'default')} service: command handlers of its aggregates and external systems, its policies`,
      'and projections subscribed to the bus (call `bus.start()` after creating it).',
    ]),
    'export function createService(deps: ServiceDeps) {\n',
    '  const { bus } = deps;\n  const clock = deps.clock ?? systemClock;\n  const eventStore = deps.eventStore ?? new InMemoryEventStore();\n',
    `  const handlers = {\n${owners
      .map((o) =>
        o.element?.kind === 'externalSystem'
          ? `    ${o.name.camel}: create${o.name.pascal}Handler({ bus, clock }),\n`
          : `    ${o.name.camel}: create${o.name.pascal}Handler({ store: eventStore, bus, clock }),\n`,
      )
      .join('')}  };\n`,
    '  /** One function per command the service handles: validates, decides, appends, publishes. */\n',
    `  const commands = {\n${commandEntries.join('')}  };\n`,
  );
  if (service.readModels.length) {
    body.push(
      `  const readModels = {\n${service.readModels
        .map(
          (r) =>
            `    ${r.readModel.name.camel}: deps.readModels?.${r.readModel.name.camel} ?? new InMemoryReadModelStore<${localTypes.view(r.readModel.name.pascal)}>(),\n`,
        )
        .join('')}  };\n`,
    );
  }
  if (service.policies.length)
    body.push('  const policyContext = () => ({ now: clock.now(), newId: () => clock.newId() });\n');
  for (const policy of service.policies) {
    const p = policy.policy.name.pascal;
    body.push(`\n  // Policy "${oneLine(policy.policy.element.text).replace(/\n/g, ' ')}"\n`);
    body.push(sendFunction(`send${p}`, localTypes.policyCommand(p), policy.commands));
    if (policy.failures.length)
      body.push(sendFunction(`sendCompensation${p}`, localTypes.compensation(p), policy.compensations));
    const routesList = [...policy.triggers, ...policy.failures]
      .map((e) => `      ${routeRef(e)},\n`)
      .join('');
    const failureTypes = policy.failures.map((e) => refs.eventType(e));
    const handle = policy.failures.length
      ? `      const failures: readonly string[] = [${failureTypes.join(', ')}];\n      if (failures.includes(event.type)) {\n        for (const command of compensate${p}(event as ${localTypes.failure(p)}, policyContext())) await sendCompensation${p}(command);\n        return;\n      }\n      for (const command of react${p}(event as ${localTypes.trigger(p)}, policyContext())) await send${p}(command);\n`
      : `      for (const command of react${p}(event as ${localTypes.trigger(p)}, policyContext())) await send${p}(command);\n`;
    body.push(
      `  bus.subscribe({\n    groupId: ${tsString(policy.policy.groupId)},\n    deadLetterTopic: DEAD_LETTER_TOPIC,\n    routes: [\n${routesList}    ],\n`,
      '    // The bus validated the event against its route, so it is one of these types.\n',
      `    async handle(event) {\n${handle}    },\n  });\n`,
    );
  }
  for (const readModel of service.readModels) {
    const r = readModel.readModel.name.pascal;
    const camel = readModel.readModel.name.camel;
    body.push(
      `\n  // Read model "${oneLine(readModel.readModel.element.text)}"\n`,
      `  bus.subscribe({\n    groupId: ${tsString(readModel.readModel.groupId)},\n    deadLetterTopic: DEAD_LETTER_TOPIC,\n    routes: [\n${readModel.feeds.map((e) => `      ${routeRef(e)},\n`).join('')}    ],\n`,
      `    async handle(event) {\n      const feed = event as ${localTypes.feed(r)};\n      const view = project${r}(await readModels.${camel}.get(feed.subject), feed);\n      if (view === undefined) await readModels.${camel}.delete(feed.subject);\n      else await readModels.${camel}.set(feed.subject, view);\n    },\n  });\n`,
    );
  }
  body.push(`\n  return { commands, eventStore${service.readModels.length ? ', readModels' : ''} };\n}\n`);
  body.push('\nexport type Service = ReturnType<typeof createService>;\n');
  return generated(plan, path, body.join(''));
}

function mainFile(services: ServicesPlan, service: ServicePlan): ExportFile {
  const { plan } = services;
  const path = `${service.folder}/src/main.ts`;
  const remote = remoteCommands(service);
  const byContext = new Map<PlanContext, ServiceCommand[]>();
  for (const c of remote)
    byContext.set(c.command.owner.context, [...(byContext.get(c.command.owner.context) ?? []), c]);
  const remoteCode = [...byContext]
    .map(
      ([context, commands]) =>
        `    ${context.name.camel}: {\n${commands
          .map(
            (c) =>
              `      ${c.command.name.camel}: async () => {\n        throw new Error(${tsString(`send ${c.command.name.pascal} to the ${context.name.kebab} service: wire its transport in main.ts`)});\n      },\n`,
          )
          .join('')}    },\n`,
    )
    .join('');
  const body = [
    "import { Kafka } from 'kafkajs';\n",
    imports(path, [
      ['{ InMemoryEventStore, KafkaBus }', RUNTIME_INDEX],
      ['{ publishedRoutes }', `${service.folder}/src/routes.ts`],
      ['{ createService }', `${service.folder}/src/service.ts`],
    ]),
    '\n/** Runs the service on Kafka: `KAFKA_BROKERS=host:9092,host2:9092 npm start`. */\n',
    `const brokers = (process.env.KAFKA_BROKERS ?? ${tsString(plan.options.kafkaHost)}).split(',');\n`,
    `const kafka = new Kafka({ clientId: ${tsString(`${plan.options.org}.${service.context.segment}`)}, brokers });\n`,
    'const bus = new KafkaBus(kafka, publishedRoutes);\n',
    'export const service = createService({\n  bus,\n  // In memory: every aggregate starts empty after a restart. Put a durable EventStore here.\n  eventStore: new InMemoryEventStore(),\n',
    remote.length ? `  remote: {\n${remoteCode}  },\n` : '',
    '});\n',
    'await bus.start();\n',
    "for (const signal of ['SIGINT', 'SIGTERM'] as const) {\n  process.once(signal, () => {\n    void bus.stop();\n  });\n}\n",
  ];
  return generated(plan, path, body.join(''));
}

export function packageName(services: ServicesPlan, folder: string): string {
  return `@${services.plan.options.org}/${folder.slice('services/'.length)}`;
}

/** What generated packages depend on: the versions Squall checks them with. */
export const SERVICE_DEPENDENCIES = { kafkajs: '^2.2.4', zod: '^4.1.0' } as const;
export const SERVICE_DEV_DEPENDENCIES = {
  '@types/node': '^20.19.0',
  tsx: '^4.20.0',
  typescript: '^7.0.2',
} as const;

export function packageJson(
  services: ServicesPlan,
  folder: string,
  description: string,
  dependencies: Record<string, string>,
): ExportFile {
  const pkg = {
    name: packageName(services, folder),
    version: services.plan.options.version,
    private: true,
    type: 'module',
    description,
    scripts: {
      ...(folder.endsWith('-service') ? { start: 'tsx src/main.ts' } : {}),
      test: 'node --import tsx --test test/*.test.ts',
      typecheck: 'tsc -p tsconfig.json',
    },
    dependencies,
    devDependencies: SERVICE_DEV_DEPENDENCIES,
  };
  return { path: `${folder}/package.json`, contents: `${JSON.stringify(pkg, null, 2)}\n` };
}

export function packageTsconfig(folder: string): ExportFile {
  return {
    path: `${folder}/tsconfig.json`,
    contents: `${JSON.stringify({ extends: '../tsconfig.base.json', include: ['src', 'test'] }, null, 2)}\n`,
  };
}

function serviceReadme(
  services: ServicesPlan,
  service: ServicePlan,
  files: readonly ExportFile[],
): ExportFile {
  const name = oneLine(service.context.element?.text ?? 'default');
  const lines = [
    `# ${name} service`,
    '',
    `Generated by Squall from the board "${oneLine(services.plan.options.boardName)}": the bounded context "${name}" as an event-sourced service on Kafka.`,
    '',
    "- `npm test`: its tests (node's test runner, through the in-process bus; no broker needed).",
    `- \`npm start\`: runs it on Kafka (\`KAFKA_BROKERS\`, default \`${services.plan.options.kafkaHost}\`); create the topics first (\`topics/\` of the export).`,
    '',
    '## Files',
    '',
    'Yours (written once, never overwritten by `squall export`, which reports what the board changed in them):',
    '',
    ...files.filter((f) => f.developerOwned).map((f) => `- \`${f.path.slice(service.folder.length + 1)}\``),
    '',
    'Generated (rewritten by every export; change the board instead):',
    '',
    ...files.filter((f) => !f.developerOwned).map((f) => `- \`${f.path.slice(service.folder.length + 1)}\``),
    '',
    '## What runs',
    '',
    ...service.aggregates.map(
      (o) =>
        `- aggregate **${oneLine(o.element!.text)}** (\`src/aggregates/${o.name.kebab}/\`): ${o.commands.map((c) => c.name.pascal).join(', ') || 'no commands'} → ${o.events.map((e) => e.name.pascal).join(', ') || 'no events'}; topic \`${o.eventsTopic?.name ?? '(none)'}\`, key \`${o.keyField}\`.`,
    ),
    ...service.systems.map(
      (o) =>
        `- external system **${oneLine(o.element!.text)}** (\`src/systems/${o.name.kebab}/\`, adapter): ${o.commands.map((c) => c.name.pascal).join(', ') || 'no commands'} → ${o.events.map((e) => e.name.pascal).join(', ') || 'no events'}.`,
    ),
    ...service.policies.map(
      (p) =>
        `- policy **${oneLine(p.policy.element.text)}** (consumer group \`${p.policy.groupId}\`): ${p.triggers.map((e) => e.name.pascal).join(', ')} → ${p.commands.map((c) => c.tag).join(', ') || 'nothing'}${p.failures.length ? `; compensates on ${p.failures.map((e) => e.name.pascal).join(', ')}` : ''}.`,
    ),
    ...service.readModels.map(
      (r) =>
        `- read model **${oneLine(r.readModel.element.text)}** (consumer group \`${r.readModel.groupId}\`): ${r.feeds.map((e) => e.name.pascal).join(', ')}.`,
    ),
    '',
    `Events its consumers cannot use (not a CloudEvent, invalid against the schema, or failing ${'three'} times) go to \`${service.deadLetterTopic}\`.`,
    '',
  ];
  return { path: `${service.folder}/README.md`, contents: lines.join('\n') };
}

export function serviceFiles(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  body: readonly ExportFile[],
): ExportFile[] {
  const files = [
    ...body,
    contractsFile(services, service, refs),
    routesFile(services, service, refs),
    serviceFile(services, service, refs),
    mainFile(services, service),
    packageJson(
      services,
      service.folder,
      `The ${oneLine(service.context.element?.text ?? 'default')} service, generated by Squall.`,
      SERVICE_DEPENDENCIES,
    ),
    packageTsconfig(service.folder),
  ];
  return [...files, serviceReadme(services, service, files)];
}
