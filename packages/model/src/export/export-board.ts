import type { BoardSnapshot } from '../elements.ts';
import { renderAsyncApi } from './asyncapi.ts';
import { renderKafkaConnect } from './connect.ts';
import { type ExportFile, sortFiles } from './export-file.ts';
import { renderJsonSchemas } from './json-schema.ts';
import { type ExportFormat, type ExportOptions, resolveExportOptions } from './options.ts';
import { buildExportPlan, type ExportPlan } from './plan.ts';
import { renderReadme } from './readme.ts';
import { renderSchemaRegistry } from './registry.ts';
import { renderServices } from './services/render-services.ts';
import { renderTopics } from './topics/render-topics.ts';
import { renderTypeScript } from './typescript.ts';
import type { ExportWarning } from './warnings.ts';

export interface ExportResult {
  /** Sorted by path; paths are relative and `/`-separated. */
  readonly files: readonly ExportFile[];
  /** Lint issues that shaped the output, and choices the exporter made (renames, transliterations). */
  readonly warnings: readonly ExportWarning[];
  /** False when a warning has severity `error`: the files are generated, but the contracts are wrong. */
  readonly ok: boolean;
}

const RENDERERS: Record<ExportFormat, (plan: ExportPlan) => ExportFile[]> = {
  typescript: renderTypeScript,
  jsonschema: renderJsonSchemas,
  asyncapi: renderAsyncApi,
  topics: renderTopics,
  registry: renderSchemaRegistry,
  connect: renderKafkaConnect,
  services: renderServices,
};

function result(plan: ExportPlan, formats: readonly ExportFormat[], withReadme: boolean): ExportResult {
  const files = formats.flatMap((format) => RENDERERS[format](plan));
  if (withReadme) files.push({ path: 'README.md', contents: renderReadme(plan, sortFiles(files)) });
  return {
    files: sortFiles(files),
    warnings: plan.warnings,
    ok: !plan.warnings.some((warning) => warning.severity === 'error'),
  };
}

/**
 * Everything the board's contracts need, as files: TypeScript, JSON Schema, AsyncAPI, topic definitions
 * and a README. Pure and deterministic: the same board and options give byte-identical files.
 */
export function exportBoard(board: BoardSnapshot, options: ExportOptions = {}): ExportResult {
  const resolved = resolveExportOptions(options);
  return result(buildExportPlan(board, resolved), resolved.only, true);
}

function exportOne(format: ExportFormat) {
  return (board: BoardSnapshot, options: ExportOptions = {}): ExportResult => {
    const resolved = resolveExportOptions({ ...options, only: [format] });
    return result(buildExportPlan(board, resolved), resolved.only, false);
  };
}

/** TypeScript event and command payloads, zod validators, CloudEvents unions (`typescript/…`). */
export const exportTypeScript = exportOne('typescript');
/** One JSON Schema 2020-12 per event payload (`jsonschema/…`). */
export const exportJsonSchemas = exportOne('jsonschema');
/** AsyncAPI 3.0.0 documents with Kafka bindings (`asyncapi/…`). */
export const exportAsyncApi = exportOne('asyncapi');
/** Topic definitions: `topics.json`, `topics.ts`, admin and shell scripts, Strimzi, Terraform (`topics/…`). */
export const exportTopics = exportOne('topics');
/**
 * One event-sourced service per bounded context, on Kafka (`services/…`, a workspace `package.json`), with the
 * TypeScript contracts they import (`typescript/…`).
 */
export const exportServices = exportOne('services');
