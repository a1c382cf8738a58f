import type { ExportFile } from '../export-file.ts';
import type { PlanEvent } from '../plan.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import { contractsImport, imports } from './aggregate-files.ts';
import { developer, exhaustive, generated, RUNTIME_INDEX } from './file-text.ts';
import { objectCode, SCAFFOLD_VALUES } from './payload-code.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServiceCommand, ServicePlan, ServicePolicy, ServicesPlan } from './service-plan.ts';

export function policyFolder(service: ServicePlan, policy: ServicePolicy): string {
  return `${service.folder}/src/policies/${policy.policy.name.kebab}`;
}

function commandUnion(refs: ContractRefs, commands: readonly ServiceCommand[]): string {
  if (commands.length === 0) return 'never';
  return commands
    .map((c) => `\n  | { readonly type: ${tsString(c.tag)}; readonly data: ${refs.payload(c.command)} }`)
    .join('');
}

function eventUnion(refs: ContractRefs, events: readonly PlanEvent[]): string {
  return events.map((event) => `\n  | ${refs.envelope(event)}`).join('');
}

function typesFile(
  plan: ServicesPlan['plan'],
  service: ServicePlan,
  refs: ContractRefs,
  policy: ServicePolicy,
): ExportFile {
  const path = `${policyFolder(service, policy)}/types.ts`;
  const p = policy.policy.name.pascal;
  const contexts = [
    ...policy.triggers.map((e) => e.owner.context),
    ...policy.failures.map((e) => e.owner.context),
    ...policy.commands.map((c) => c.command.owner.context),
    ...policy.compensations.map((c) => c.command.owner.context),
  ];
  const body = [
    imports(path, [contractsImport(service, refs, contexts)]),
    '\n',
    tsDoc([`The events "${oneLine(policy.policy.element.text)}" reacts to.`]),
    `export type ${localTypes.trigger(p)} =${eventUnion(refs, policy.triggers)};\n`,
    `\n/** The commands it sends; \`type\` is the command's name (prefixed with its bounded context when another service handles it). */\n`,
    `export type ${localTypes.policyCommand(p)} = ${commandUnion(refs, policy.commands)};\n`,
  ];
  if (policy.failures.length > 0) {
    body.push(
      '\n/** Failure events of the aggregates it sends commands to: the saga step failed, compensate. */\n',
      `export type ${localTypes.failure(p)} =${eventUnion(refs, policy.failures)};\n`,
      '\n/** What a compensation may send: commands of the aggregates whose events started this step. */\n',
      `export type ${localTypes.compensation(p)} = ${commandUnion(refs, policy.compensations)};\n`,
    );
  }
  return generated(plan, path, body.join(''));
}

function commandCode(command: ServiceCommand, event: PlanEvent, indent: string): string {
  const { code, placeholders } = objectCode(
    command.command.properties,
    [{ expression: 'event.data', properties: event.properties }],
    SCAFFOLD_VALUES,
    `${indent}  `,
    undefined,
  );
  const note = placeholders.length
    ? `${indent}// ${command.command.name.pascal}: placeholders (the board does not say where they come from): ${placeholders.join(', ')}.\n`
    : '';
  return `${note}${indent}{\n${indent}  type: ${tsString(command.tag)},\n${indent}  data: ${code},\n${indent}},\n`;
}

function reactFile(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  policy: ServicePolicy,
): ExportFile {
  const { plan } = services;
  const folder = policyFolder(service, policy);
  const path = `${folder}/react.ts`;
  const p = policy.policy.name.pascal;
  const types = [localTypes.trigger(p), localTypes.policyCommand(p)];
  if (policy.failures.length > 0) types.push(localTypes.failure(p), localTypes.compensation(p));
  const contexts = [...policy.triggers, ...policy.failures].map((e) => e.owner.context);
  const cases = policy.triggers.map((event) => {
    const commands = policy.commands.map((c) => commandCode(c, event, '        ')).join('');
    return `    case ${refs.eventType(event)}:\n      return [\n${commands}      ];\n`;
  });
  const issued =
    policy.commands.map((c) => oneLine(c.command.element.text)).join(', ') || 'nothing the board handles';
  const body = [
    imports(path, [
      ['{ type PolicyContext, unhandled }', RUNTIME_INDEX],
      contractsImport(service, refs, contexts),
      [`type { ${types.join(', ')} }`, `${folder}/types.ts`],
    ]),
    '\n',
    tsDoc([
      `"${oneLine(policy.policy.element.text)}": whenever ${policy.triggers.map((e) => oneLine(e.element.text)).join(' or ')}, then ${issued}.`,
      'Return no command to let an event pass. Pure: the service sends the commands you return.',
    ]),
    `export function react(event: ${localTypes.trigger(p)}, context: PolicyContext): ${localTypes.policyCommand(p)}[] {\n`,
    `  switch (event.type) {\n${cases.join('')}    default:\n      return ${exhaustive('event', policy.triggers.length)};\n  }\n}\n`,
  ];
  const covers = policy.triggers.map((e) => `event ${e.name.pascal}`);
  const stubs = [...cases];
  if (policy.failures.length > 0) {
    const failureCases = policy.failures.map(
      (event) =>
        `    case ${refs.eventType(event)}:\n      // ${oneLine(event.element.text)}: undo what the steps before did, e.g. release or refund.\n      return [];\n`,
    );
    body.push(
      '\n',
      tsDoc([
        'The compensation hook of this saga step: a command it sent failed (the aggregate reported a failure',
        'event), so undo what the earlier steps did. Squall cannot guess how: return the commands that undo it.',
      ]),
      `export function compensate(failure: ${localTypes.failure(p)}, context: PolicyContext): ${localTypes.compensation(p)}[] {\n`,
      `  switch (failure.type) {\n${failureCases.join('')}    default:\n      return ${exhaustive('failure', policy.failures.length)};\n  }\n}\n`,
    );
    covers.push(...policy.failures.map((e) => `failure ${e.name.pascal}`));
    stubs.push(...failureCases);
  }
  return developer(plan, path, body.join(''), covers, stubs);
}

export function policyFiles(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  policy: ServicePolicy,
): ExportFile[] {
  return [typesFile(services.plan, service, refs, policy), reactFile(services, service, refs, policy)];
}
