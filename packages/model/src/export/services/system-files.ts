import type { ExportFile } from '../export-file.ts';
import type { PlanOwner } from '../plan.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import {
  aggregateIdCases,
  contractsImport,
  decideBody,
  decideCases,
  eventUnion,
  imports,
  ownerFolder,
  typesFileOf,
} from './aggregate-files.ts';
import { developer, generated, RUNTIME_INDEX } from './file-text.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServicePlan, ServicesPlan } from './service-plan.ts';

/**
 * An external system: no state of ours, so no event store. Its adapter (the developer's) calls the
 * system and says what came of it; the generated handler validates and publishes that.
 */
export function systemFiles(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  owner: PlanOwner,
): ExportFile[] {
  const { plan } = services;
  const folder = ownerFolder(service, owner);
  const files = [typesFileOf(plan, service, refs, owner)];
  if (owner.commands.length === 0) return files;
  const command = localTypes.command(owner);
  const union = eventUnion(refs, owner);
  const usesContracts = owner.commands.some((c) => services.outcome.get(c.element.id));
  const adapterPath = `${folder}/adapter.ts`;
  const cases = decideCases(services, refs, owner);
  files.push(
    developer(
      plan,
      adapterPath,
      [
        imports(adapterPath, [
          ['{ type DecideContext, unhandled }', RUNTIME_INDEX],
          ...(usesContracts ? [contractsImport(service, refs, [owner.context])] : []),
          [`type { ${command}, ${localTypes.newEvent(owner)} }`, `${folder}/types.ts`],
        ]),
        '\n',
        tsDoc([
          `Calls ${oneLine(owner.element!.text)} (outside our control) for a command and returns what came of it.`,
          'Replace the scaffold with the real call (an HTTP client, an SDK); throw when the call fails, and the',
          'consumer that sent the command retries it, then dead-letters it.',
        ]),
        `export async function call(command: ${command}, context: DecideContext): Promise<${localTypes.newEvent(owner)}[]> {\n`,
        decideBody(owner, cases),
        '}\n',
      ].join(''),
      owner.commands.map((c) => `command ${c.name.pascal}`),
      cases,
    ),
  );
  const handlerPath = `${folder}/handler.ts`;
  const check =
    owner.events.length > 0
      ? `    for (const event of events) {\n      const checked = ${refs.ownerUnionSchema(owner)}.safeParse(event);\n      if (!checked.success) throw new Error('the adapter made an invalid ' + event.type + ': ' + checked.error.message);\n    }\n`
      : '';
  files.push(
    generated(
      plan,
      handlerPath,
      [
        imports(handlerPath, [
          ['{ type Clock, type EventBus, toCloudEvents }', RUNTIME_INDEX],
          ...(owner.events.length > 0 ? [contractsImport(service, refs, [owner.context])] : []),
          ['{ call }', adapterPath],
          [`{ type ${command}, ${localTypes.commandSchema(owner)} }`, `${folder}/types.ts`],
        ]),
        `\nconst SOURCE = ${tsString(`/${service.context.segment}`)};\n`,
        `\n/** The id the events of ${owner.name.pascal} are keyed by: the command's \`${owner.keyField}\`, or a new one. */\n`,
        `export function keyOf(command: ${command}, clock: Clock): string {\n  switch (command.type) {\n${aggregateIdCases(owner)}  }\n}\n`,
        '\n/** Validates the command, calls the adapter, validates and publishes what it returns. */\n',
        `export function create${owner.name.pascal}Handler(deps: { readonly bus: EventBus; readonly clock: Clock }): (command: ${command}) => Promise<${union}[]> {\n`,
        '  return async (command) => {\n',
        `    const valid = ${localTypes.commandSchema(owner)}.safeParse(command);\n`,
        `    if (!valid.success) throw new Error('invalid ' + command.type + ': ' + valid.error.message);\n`,
        '    const { clock } = deps;\n',
        '    const aggregateId = keyOf(command, clock);\n',
        '    const returned = await call(command, { aggregateId, now: clock.now(), newId: () => clock.newId() });\n',
        `    const events = toCloudEvents<${union}>(returned, { source: SOURCE, aggregateId, clock });\n`,
        check,
        '    await deps.bus.publish(events);\n    return events;\n  };\n}\n',
      ].join(''),
    ),
  );
  return files;
}
