import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../elements.ts';
import { exportBoard } from './export-board.ts';
import { exportFileLanguage, exportFileMediaType } from './file-types.ts';

describe('export file types', () => {
  it('knows the language and media type of every file the exporter writes', () => {
    const board: BoardSnapshot = { schemaVersion: 1, level: 'design', elements: [], connections: [] };
    const languages = exportBoard(board).files.map((file) => [file.path, exportFileLanguage(file.path)]);
    expect(languages).toContainEqual(['README.md', 'markdown']);
    expect(languages).toContainEqual(['topics/kafka-topics.tf', 'hcl']);
    expect(exportFileMediaType('asyncapi/sales.asyncapi.yaml')).toBe('application/yaml; charset=utf-8');
    expect(() => exportFileLanguage('notes.txt')).toThrow('not a file the exporter generates');
  });
});
