import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import eventCatalogSdk from '@eventcatalog/sdk';
import type { BoardSnapshot } from '../elements.ts';
import { type EventCatalogModel, eventCatalogModel } from '../export/eventcatalog-model.ts';
import type { ExportFile } from '../export/export-file.ts';
import { type ExportOptions, resolveExportOptions } from '../export/options.ts';
import { buildExportPlan } from '../export/plan.ts';

/** What `--only` takes besides the exporters' formats: the catalog is written with the SDK, on disk. */
export const EVENTCATALOG_FORMAT = 'eventcatalog';

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
    ),
  );
  return nested.flat();
}

async function writeCatalog(dir: string, model: EventCatalogModel): Promise<void> {
  const sdk = eventCatalogSdk(dir);
  await sdk.writeTeam({ ...model.team });
  for (const domain of model.domains) {
    await sdk.writeDomain({ ...domain, owners: [...domain.owners], services: [...domain.services] });
  }
  for (const service of model.services) {
    await sdk.writeService({
      ...service,
      owners: [...service.owners],
      sends: [...service.sends],
      receives: [...service.receives],
    });
  }
  for (const channel of model.channels) {
    await sdk.writeChannel({ ...channel, owners: [...channel.owners], protocols: [...channel.protocols] });
  }
  for (const { schema, ...event } of model.events) {
    await sdk.writeEvent({ ...event, owners: [...event.owners], channels: [...event.channels] });
    await sdk.addSchemaToEvent(event.id, { fileName: event.schemaPath, schema }, event.version);
  }
}

function projectFiles(model: EventCatalogModel, boardName: string): ExportFile[] {
  const config = {
    title: boardName,
    tagline: 'Events, services and domains exported from an Event Storming board by Squall',
    organizationName: model.team.name,
    homepageLink: 'https://www.eventcatalog.dev',
    output: 'static',
    trailingSlash: false,
    base: '/',
  };
  const pkg = {
    name: `${model.team.id}-eventcatalog`,
    private: true,
    type: 'module',
    scripts: {
      dev: 'eventcatalog dev',
      build: 'eventcatalog build',
      lint: 'eventcatalog-linter --fail-on-warning',
    },
    dependencies: { '@eventcatalog/core': '^3.48.4' },
    devDependencies: { '@eventcatalog/linter': '^1.1.1' },
  };
  return [
    {
      path: 'eventcatalog/eventcatalog.config.js',
      contents: `/** @type {import('@eventcatalog/core/bin/eventcatalog.config').Config} */\nexport default ${JSON.stringify(config, null, 2)};\n`,
    },
    { path: 'eventcatalog/package.json', contents: `${JSON.stringify(pkg, null, 2)}\n` },
  ];
}

/**
 * `eventcatalog/`: an EventCatalog project (config, package.json and the catalog's domains, services,
 * channels, events with schemas, team), written by `@eventcatalog/sdk` into a temporary folder and read
 * back as files, so the CLI writes and cleans it up like any other export.
 */
export async function eventCatalogFiles(board: BoardSnapshot, options: ExportOptions): Promise<ExportFile[]> {
  const resolved = resolveExportOptions({ ...options, only: [] });
  const model = eventCatalogModel(buildExportPlan(board, resolved));
  const dir = await mkdtemp(join(tmpdir(), 'squall-eventcatalog-'));
  try {
    await writeCatalog(dir, model);
    const paths = (await filesUnder(dir)).map((path) => path.split(sep).join('/')).sort();
    const written = await Promise.all(
      paths.map(async (path) => ({
        path: `eventcatalog/${path}`,
        contents: await readFile(join(dir, path), 'utf8'),
      })),
    );
    return [...projectFiles(model, resolved.boardName), ...written];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
