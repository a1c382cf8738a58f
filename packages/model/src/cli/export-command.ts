import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { quoted } from '../display-text.ts';
import { exportBoard } from '../export/export-board.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  TOPIC_PROFILES,
  type TopicProfile,
} from '../export/options.ts';
import type { ExportWarning } from '../export/warnings.ts';
import { CliError, EXIT_FAILED, EXIT_OK } from './cli-error.ts';
import { EVENTCATALOG_FORMAT, eventCatalogFiles } from './eventcatalog.ts';
import { EXPORT_HELP } from './help.ts';
import { loadBoard } from './load-board.ts';
import type { Output } from './output.ts';
import { writeExport } from './write-export.ts';

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${option} must be one of ${allowed.join(', ')}; got ${quoted(value)}`);
  }
  return value as T;
}

const CLI_FORMATS = [...EXPORT_FORMATS, EVENTCATALOG_FORMAT] as const;

function formats(value: string | undefined): Array<(typeof CLI_FORMATS)[number]> | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (list.length === 0) throw new CliError(`--only needs at least one of ${CLI_FORMATS.join(', ')}`);
  return list.map((item) => oneOf(item, CLI_FORMATS, '--only')!);
}

export function formatWarning(warning: ExportWarning): string {
  return `${warning.severity.padEnd(7)} ${warning.code}: ${warning.message}`;
}

export async function exportCommand(args: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      org: { type: 'string' },
      profile: { type: 'string' },
      asyncapi: { type: 'string' },
      kafka: { type: 'string' },
      'strimzi-api': { type: 'string' },
      'strimzi-cluster': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new CliError(
      `export needs exactly one board (a .squall.json file or a board URL)\n\n${EXPORT_HELP}`,
    );
  }
  if (!values.out) throw new CliError(`export needs --out <dir>\n\n${EXPORT_HELP}`);
  const asked = formats(values.only);
  const catalog = asked?.includes(EVENTCATALOG_FORMAT) ?? false;
  const only = asked?.filter((format): format is ExportFormat => format !== EVENTCATALOG_FORMAT);
  const options: ExportOptions = {
    ...(only?.length ? { only } : {}),
    ...(values.org !== undefined ? { org: values.org } : {}),
    ...(values.kafka !== undefined ? { kafkaHost: values.kafka } : {}),
    ...(values['strimzi-cluster'] !== undefined ? { strimziCluster: values['strimzi-cluster'] } : {}),
  };
  const profile = oneOf<TopicProfile>(values.profile, TOPIC_PROFILES, '--profile');
  const scope = oneOf(values.asyncapi, ['context', 'board'] as const, '--asyncapi');
  const strimzi = oneOf(values['strimzi-api'], ['v1', 'v1beta2'] as const, '--strimzi-api');

  const { board, name } = await loadBoard(positionals[0]!);
  const exportOptions: ExportOptions = {
    ...options,
    boardName: name,
    ...(profile ? { profile } : {}),
    ...(scope ? { asyncApiScope: scope } : {}),
    ...(strimzi ? { strimziApiVersion: strimzi } : {}),
  };
  const result = exportBoard(board, exportOptions);
  for (const warning of result.warnings) out.stderr(`${formatWarning(warning)}\n`);
  if (!result.ok && !values.force) {
    out.stderr(
      'The board has lint errors, so its contracts would be wrong; nothing was written (--force writes anyway).\n',
    );
    return EXIT_FAILED;
  }
  const root = resolve(values.out);
  // `--only eventcatalog` alone writes just the catalog.
  const files = catalog
    ? [...(only?.length ? result.files : []), ...(await eventCatalogFiles(board, exportOptions))]
    : result.files;
  const { removed, written, kept } = await writeExport(root, files, out);
  const stale =
    removed.length === 0
      ? ''
      : `; removed ${removed.length} stale file${removed.length === 1 ? '' : 's'} of the previous export`;
  const yours = kept.length === 0 ? '' : `; kept ${kept.length} of your files as they are`;
  out.stdout(`Wrote ${written} files for ${quoted(name)} to ${root}${stale}${yours}\n`);
  return EXIT_OK;
}
