/** The syntax of a generated file, for highlighting in a preview. */
export type ExportFileLanguage = 'typescript' | 'json' | 'yaml' | 'markdown' | 'shell' | 'hcl';

const BY_EXTENSION: Record<string, { language: ExportFileLanguage; mediaType: string }> = {
  ts: { language: 'typescript', mediaType: 'text/typescript; charset=utf-8' },
  json: { language: 'json', mediaType: 'application/json; charset=utf-8' },
  yaml: { language: 'yaml', mediaType: 'application/yaml; charset=utf-8' },
  md: { language: 'markdown', mediaType: 'text/markdown; charset=utf-8' },
  sh: { language: 'shell', mediaType: 'text/x-shellscript; charset=utf-8' },
  tf: { language: 'hcl', mediaType: 'text/plain; charset=utf-8' },
};

function kind(path: string) {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  const found = BY_EXTENSION[extension];
  if (!found) throw new Error(`"${path}" is not a file the exporter generates`);
  return found;
}

export function exportFileLanguage(path: string): ExportFileLanguage {
  return kind(path).language;
}

/** The `Content-Type` to serve a generated file with. */
export function exportFileMediaType(path: string): string {
  return kind(path).mediaType;
}
