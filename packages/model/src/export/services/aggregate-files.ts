import type { ExportFile } from '../export-file.ts';
import type { ExportPlan, PlanCommand, PlanEvent, PlanOwner } from '../plan.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import { developer, exhaustive, generated, importPath, RUNTIME_INDEX } from './file-text.ts';
import { objectCode, SCAFFOLD_VALUES } from './payload-code.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServicePlan, ServicesPlan } from './service-plan.ts';

/** Where an aggregate's or external system's files live, e.g. `…/src/aggregates/payment/`. */
export function ownerFolder(service: ServicePlan, owner: PlanOwner): string {
  const kind = owner.element?.kind === 'externalSystem' ? 'systems' : 'aggregates';
  return `${service.folder}/src/${kind}/${owner.name.kebab}`;
}

/** The union of an owner's events in their envelopes, or `never` when it has none. */
export function eventUnion(refs: ContractRefs, owner: PlanOwner): string {
  return owner.events.length > 0 ? refs.ownerUnion(owner) : 'never';
}

export function statusOf(event: PlanEvent): string {
  return event.name.camel;
}

function imports(from: string, lines: ReadonlyArray<[names: string, to: string]>): string {
  return lines.map(([names, to]) => `import ${names} from '${importPath(from, to)}';\n`).join('');
}

function contractsImport(
  service: ServicePlan,
  refs: ContractRefs,
  contexts: Iterable<ServicePlan['context']>,
): [string, string] {
  const names = [...new Set([...contexts].map((context) => refs.ns(context)))].sort();
  return [`{ ${names.join(', ')} }`, `${service.folder}/src/contracts.ts`];
}

/** `types.ts` (generated): the owner's command union and its validator, and what decide returns. */
function typesFile(plan: ExportPlan, service: ServicePlan, refs: ContractRefs, owner: PlanOwner): ExportFile {
  const path = `${ownerFolder(service, owner)}/types.ts`;
  const command = localTypes.command(owner);
  const contexts = [owner.context];
  const members = owner.commands.map(
    (c) => `  | { readonly type: ${tsString(c.name.pascal)}; readonly data: ${refs.payload(c)} }\n`,
  );
  const schemas = owner.commands.map(
    (c) =>
      `  z.strictObject({ type: z.literal(${tsString(c.name.pascal)}), data: ${refs.payload(c, 'Schema')} }),\n`,
  );
  const body = [
    "import { z } from 'zod';\n",
    imports(path, [['type { NewEvent }', RUNTIME_INDEX], contractsImport(service, refs, contexts)]),
    '\n',
    tsDoc([`A command for ${owner.name.pascal}: the command's name and its payload.`]),
    owner.commands.length > 0
      ? `export type ${command} =\n${members.join('').trimEnd()};\n`
      : `export type ${command} = never;\n`,
    owner.commands.length > 0
      ? `\n/** Validates commands where they enter the service. */\nexport const ${localTypes.commandSchema(owner)} = z.discriminatedUnion('type', [\n${schemas.join('')}]);\n`
      : '',
    `\n/** What decide returns: events without their envelope (the handler adds it). */\nexport type ${localTypes.newEvent(owner)} = NewEvent<${eventUnion(refs, owner)}>;\n`,
    `\n/** The names of its events, as the state's \`status\` says what happened last. */\nexport type ${localTypes.eventName(owner)} = ${owner.events.map((event) => tsString(statusOf(event))).join(' | ') || 'never'};\n`,
  ];
  return generated(plan, path, body.join(''));
}

function stateFile(plan: ExportPlan, service: ServicePlan, owner: PlanOwner): ExportFile {
  const path = `${ownerFolder(service, owner)}/state.ts`;
  const body = [
    imports(path, [[`type { ${localTypes.eventName(owner)} }`, `${ownerFolder(service, owner)}/types.ts`]]),
    '\n',
    tsDoc([
      `The state of one ${oneLine(owner.element!.text)}, rebuilt from its events by evolve.`,
      'Add what decide needs to check a command (amounts, limits, who did what).',
    ]),
    `export interface ${localTypes.state(owner)} {\n`,
    '  /** The aggregate id; undefined until the first event. */\n',
    '  readonly id: string | undefined;\n',
    '  /** What happened last. */\n',
    `  readonly status: 'initial' | ${localTypes.eventName(owner)};\n`,
    '}\n',
  ];
  return developer(plan, path, body.join(''), ['state']);
}

function initialStateFile(plan: ExportPlan, service: ServicePlan, owner: PlanOwner): ExportFile {
  const path = `${ownerFolder(service, owner)}/initial-state.ts`;
  const body = [
    imports(path, [[`type { ${localTypes.state(owner)} }`, `${ownerFolder(service, owner)}/state.ts`]]),
    '\n/** The state before the first event. */\n',
    `export const initialState: ${localTypes.state(owner)} = { id: undefined, status: 'initial' };\n`,
  ];
  return developer(plan, path, body.join(''), ['initial state']);
}

function evolveFile(
  plan: ExportPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile {
  const path = `${ownerFolder(service, owner)}/evolve.ts`;
  const state = localTypes.state(owner);
  const union = eventUnion(refs, owner);
  const cases = owner.events.map(
    (event) =>
      `    case ${refs.eventType(event)}:\n      return { ...state, id: event.subject, status: ${tsString(statusOf(event))} };\n`,
  );
  const body = [
    imports(path, [
      ...(owner.events.length > 0
        ? ([['{ unhandled }', RUNTIME_INDEX], contractsImport(service, refs, [owner.context])] as Array<
            [string, string]
          >)
        : []),
      [`type { ${state} }`, `${ownerFolder(service, owner)}/state.ts`],
    ]),
    '\n',
    tsDoc([
      `The state of a ${owner.name.pascal} after one more event. Pure: no I/O, no clock.`,
      'The switch is exhaustive: when the board gains an event, this stops compiling until you handle it.',
    ]),
    owner.events.length > 0
      ? `export function evolve(state: ${state}, event: ${union}): ${state} {\n  switch (event.type) {\n${cases.join('')}    default:\n      return ${exhaustive('event', owner.events.length)};\n  }\n}\n`
      : `export function evolve(state: ${state}, _event: never): ${state} {\n  return state;\n}\n`,
  ];
  return developer(
    plan,
    path,
    body.join(''),
    owner.events.map((event) => `event ${event.name.pascal}`),
    cases,
  );
}

/** One `case` of decide (or an adapter's call): the guessed outcome, its payload from the command. */
function decideCase(services: ServicesPlan, refs: ContractRefs, command: PlanCommand): string {
  const outcome = services.outcome.get(command.element.id);
  const lines = [`    case ${tsString(command.name.pascal)}: {\n`];
  if (!outcome) {
    lines.push(
      `      // ${command.owner.name.pascal} produces no events on the board.\n      return [];\n    }\n`,
    );
    return lines.join('');
  }
  const others = command.owner.events.filter((event) => event !== outcome).map((event) => event.name.pascal);
  const { code, placeholders } = objectCode(
    outcome.properties,
    [{ expression: 'command.data', properties: command.properties }],
    SCAFFOLD_VALUES,
    '        ',
    command.owner.keyField,
  );
  lines.push(
    `      // ${oneLine(command.element.text)} results in ${oneLine(outcome.element.text)}: Squall's guess from the board.\n`,
  );
  if (others.length > 0)
    lines.push(`      // ${command.owner.name.pascal} can also produce: ${others.join(', ')}.\n`);
  if (placeholders.length > 0)
    lines.push(
      `      // Placeholders (the board does not say where they come from): ${placeholders.join(', ')}.\n`,
    );
  lines.push(
    `      return [\n        {\n          type: ${refs.eventType(outcome)},\n          data: ${code.replace(/\n/g, '\n  ')},\n        },\n      ];\n    }\n`,
  );
  return lines.join('');
}

export function decideBody(owner: PlanOwner, cases: readonly string[]): string {
  return `  switch (command.type) {\n${cases.join('')}    default:\n      return ${exhaustive('command', owner.commands.length)};\n  }\n`;
}

export function decideCases(services: ServicesPlan, refs: ContractRefs, owner: PlanOwner): string[] {
  return owner.commands.map((command) => decideCase(services, refs, command));
}

function decideFile(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile {
  const { plan } = services;
  const path = `${ownerFolder(service, owner)}/decide.ts`;
  const state = localTypes.state(owner);
  const usesContracts = owner.commands.some((command) => services.outcome.get(command.element.id));
  const cases = decideCases(services, refs, owner);
  const body = [
    imports(path, [
      ['{ type DecideContext, unhandled }', RUNTIME_INDEX],
      ...(usesContracts ? [contractsImport(service, refs, [owner.context])] : []),
      [`type { ${state} }`, `${ownerFolder(service, owner)}/state.ts`],
      [
        `type { ${localTypes.command(owner)}, ${localTypes.newEvent(owner)} }`,
        `${ownerFolder(service, owner)}/types.ts`,
      ],
    ]),
    '\n',
    tsDoc([
      `What a command to ${owner.name.pascal} results in, given the current state. Pure: time and new ids come from the context.`,
      'Throw to reject a command (the handler appends nothing then). The switch is exhaustive: a new command',
      'on the board stops this compiling until you decide it.',
    ]),
    `export function decide(command: ${localTypes.command(owner)}, state: ${state}, context: DecideContext): ${localTypes.newEvent(owner)}[] {\n`,
    decideBody(owner, cases),
    '}\n',
  ];
  return developer(
    plan,
    path,
    body.join(''),
    owner.commands.map((command) => `command ${command.name.pascal}`),
    cases,
  );
}

/** How the handler finds the aggregate id of a command: its key field, else a new id. */
export function aggregateIdCases(owner: PlanOwner): string {
  return owner.commands
    .map((command) => {
      // A string id can only key events whose id field takes any string.
      const uuidEvents = owner.events.some((event) =>
        event.properties.some((p) => p.key === owner.keyField && p.type.kind === 'uuid'),
      );
      const key = command.properties.find(
        (p) =>
          p.key === owner.keyField && (p.type.kind === 'uuid' || (p.type.kind === 'string' && !uuidEvents)),
      );
      const value = key ? `command.data.${key.key} || clock.newId()` : 'clock.newId()';
      return `    case ${tsString(command.name.pascal)}:\n      return ${value};\n`;
    })
    .join('');
}

function handlerFile(
  plan: ExportPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile {
  const path = `${ownerFolder(service, owner)}/handler.ts`;
  const folder = ownerFolder(service, owner);
  const command = localTypes.command(owner);
  const union = eventUnion(refs, owner);
  const check =
    owner.events.length > 0
      ? `      for (const event of events) {\n        const checked = ${refs.ownerUnionSchema(owner)}.safeParse(event);\n        if (!checked.success) throw new Error('decide made an invalid ' + event.type + ': ' + checked.error.message);\n      }\n`
      : '';
  const body = [
    imports(path, [
      ['{ type Clock, ConcurrencyError, type EventBus, type EventStore, toCloudEvents }', RUNTIME_INDEX],
      ...(owner.events.length > 0 ? [contractsImport(service, refs, [owner.context])] : []),
      ['{ decide }', `${folder}/decide.ts`],
      ['{ evolve }', `${folder}/evolve.ts`],
      ['{ initialState }', `${folder}/initial-state.ts`],
      [`{ type ${command}, ${localTypes.commandSchema(owner)} }`, `${folder}/types.ts`],
    ]),
    `\n/** CloudEvents \`source\` of the events this service produces. */\nconst SOURCE = ${tsString(`/${service.context.segment}`)};\n`,
    '/** Loads, decides and appends again when another writer got there first, this many times. */\nconst ATTEMPTS = 3;\n',
    `\n/** The id of the ${owner.name.pascal} a command is for: its \`${owner.keyField}\`, or a new one. */\n`,
    `export function aggregateIdOf(command: ${command}, clock: Clock): string {\n  switch (command.type) {\n${aggregateIdCases(owner)}  }\n}\n`,
    '\n',
    tsDoc([
      `The command handler of ${owner.name.pascal}: validates the command, loads the aggregate's events, folds them`,
      'with evolve, decides, validates the new events and appends them with the version it loaded (optimistic',
      'concurrency; on a conflict it starts over), then publishes them. Returns the appended events.',
      'Publishing after appending can lose the publish on a crash: with a durable store, use an outbox.',
    ]),
    `export function create${owner.name.pascal}Handler(deps: {\n  readonly store: EventStore;\n  readonly bus: EventBus;\n  readonly clock: Clock;\n}): (command: ${command}) => Promise<${union}[]> {\n`,
    `  return async (command) => {\n`,
    `    const valid = ${localTypes.commandSchema(owner)}.safeParse(command);\n`,
    `    if (!valid.success) throw new Error('invalid ' + command.type + ': ' + valid.error.message);\n`,
    '    const { clock } = deps;\n',
    '    const aggregateId = aggregateIdOf(command, clock);\n',
    `    const streamId = ${tsString(`${owner.name.kebab}-`)} + aggregateId;\n`,
    '    for (let attempt = 1; ; attempt++) {\n',
    '      const stream = await deps.store.load(streamId);\n',
    `      // The store holds only what this handler appended, each event validated below.\n`,
    `      const state = (stream.events as readonly ${union}[]).reduce(evolve, initialState);\n`,
    '      const decided = decide(command, state, { aggregateId, now: clock.now(), newId: () => clock.newId() });\n',
    `      const events = toCloudEvents<${union}>(decided, { source: SOURCE, aggregateId, clock });\n`,
    check,
    '      try {\n        await deps.store.append(streamId, stream.version, events);\n      } catch (error) {\n        if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;\n        throw error;\n      }\n',
    '      await deps.bus.publish(events);\n      return events;\n    }\n  };\n}\n',
  ];
  return generated(plan, path, body.join(''));
}

export function typesFileOf(
  plan: ExportPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile {
  return typesFile(plan, service, refs, owner);
}

/** Every file of one aggregate: generated types and handler, the developer's state, decide and evolve. */
export function aggregateFiles(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile[] {
  const { plan } = services;
  const files = [
    typesFile(plan, service, refs, owner),
    stateFile(plan, service, owner),
    initialStateFile(plan, service, owner),
    evolveFile(plan, service, refs, owner),
  ];
  if (owner.commands.length > 0) {
    files.push(decideFile(services, service, refs, owner), handlerFile(plan, service, refs, owner));
  }
  return files;
}

export { contractsImport, imports };
