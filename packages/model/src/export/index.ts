export { ASYNCAPI_VERSION, KAFKA_BINDING_VERSION } from './asyncapi.ts';
export type { ExportDownload } from './download.ts';
export { exportDownload } from './download.ts';
export type { ExportResult } from './export-board.ts';
export {
  exportAsyncApi,
  exportBoard,
  exportJsonSchemas,
  exportServices,
  exportTopics,
  exportTypeScript,
} from './export-board.ts';
export type { DeveloperOwned, ExportFile } from './export-file.ts';
export type { ExportFileLanguage } from './file-types.ts';
export { exportFileLanguage, exportFileMediaType } from './file-types.ts';
export type { JsonSchema, JsonValue } from './json-schema.ts';
export type { CodeName } from './names.ts';
export { nameWords } from './names.ts';
export type { ExportFormat, ExportOptions, TopicProfile } from './options.ts';
export { DEFAULT_EXPORT_FORMATS, EXPORT_FORMATS, resolveExportOptions, TOPIC_PROFILES } from './options.ts';
export type { ExportDownloadFormat } from './select-files.ts';
export { EXPORT_DOWNLOAD_FORMATS, isExportDownloadFormat, selectExportFiles } from './select-files.ts';
export type { TopicDefinition } from './topic-settings.ts';
export type { ExportWarning } from './warnings.ts';
export { zipExport } from './zip.ts';
