import type { ExportFile } from '../export-file.ts';
import { oneLine, tsDoc, tsString } from '../source-text.ts';
import { contractsImport, imports } from './aggregate-files.ts';
import { developer, exhaustive, generated, RUNTIME_INDEX } from './file-text.ts';
import { type ContractRefs, localTypes } from './service-names.ts';
import type { ServicePlan, ServiceReadModel, ServicesPlan } from './service-plan.ts';

export function readModelFolder(service: ServicePlan, readModel: ServiceReadModel): string {
  return `${service.folder}/src/read-models/${readModel.readModel.name.kebab}`;
}

/** A read model: the events feeding it (generated), its view and projection (the developer's). */
export function readModelFiles(
  services: ServicesPlan,
  service: ServicePlan,
  refs: ContractRefs,
  readModel: ServiceReadModel,
): ExportFile[] {
  const { plan } = services;
  const folder = readModelFolder(service, readModel);
  const r = readModel.readModel.name.pascal;
  const view = localTypes.view(r);
  const feed = localTypes.feed(r);
  const text = oneLine(readModel.readModel.element.text);
  const contexts = readModel.feeds.map((e) => e.owner.context);
  const typesPath = `${folder}/types.ts`;
  const statuses = [...new Set(readModel.feeds.map((e) => tsString(e.name.camel)))];
  const projectPath = `${folder}/project.ts`;
  const cases = readModel.feeds.map(
    (event) =>
      `    case ${refs.eventType(event)}:\n      return { id: event.subject, status: ${tsString(event.name.camel)}, updatedAt: event.time };\n`,
  );
  return [
    generated(
      plan,
      typesPath,
      [
        imports(typesPath, [contractsImport(service, refs, contexts)]),
        '\n',
        tsDoc([`The events that result in "${text}" (its arrows on the board).`]),
        `export type ${feed} =${readModel.feeds.map((e) => `\n  | ${refs.envelope(e)}`).join('')};\n`,
        "\n/** The names of those events, as the view's `status` says what happened last. */\n",
        `export type ${localTypes.feedName(r)} = ${statuses.join(' | ')};\n`,
      ].join(''),
    ),
    developer(
      plan,
      `${folder}/view.ts`,
      [
        imports(`${folder}/view.ts`, [[`type { ${localTypes.feedName(r)} }`, typesPath]]),
        '\n',
        tsDoc([
          `"${text}": what an actor looks at, one view per aggregate id. Add the fields people need to see.`,
        ]),
        `export interface ${view} {\n  readonly id: string;\n  /** What happened last. */\n  readonly status: ${localTypes.feedName(r)};\n  readonly updatedAt: string;\n}\n`,
      ].join(''),
      ['view'],
    ),
    developer(
      plan,
      projectPath,
      [
        imports(projectPath, [
          ['{ unhandled }', RUNTIME_INDEX],
          contractsImport(service, refs, contexts),
          [`type { ${feed} }`, typesPath],
          [`type { ${view} }`, `${folder}/view.ts`],
        ]),
        '\n',
        tsDoc([
          `The view of "${text}" after one more event (undefined: there is none yet). Return undefined to delete`,
          'it. Pure. The switch is exhaustive: a new arrow into the read model stops this compiling until handled.',
        ]),
        `export function project(view: ${view} | undefined, event: ${feed}): ${view} | undefined {\n`,
        `  switch (event.type) {\n${cases.join('')}    default:\n      return ${exhaustive('event', readModel.feeds.length)};\n  }\n}\n`,
      ].join(''),
      readModel.feeds.map((e) => `event ${e.name.pascal}`),
      cases,
    ),
  ];
}
