/**
 * A small syntax highlighter for the export preview: it splits a file into typed tokens that React
 * renders as text in spans (never HTML), so sticky text in generated code can never become markup.
 */
export type TokenKind = 'plain' | 'comment' | 'string' | 'number' | 'keyword' | 'key';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

export type PreviewLanguage = 'typescript' | 'json' | 'yaml' | 'shell' | 'hcl' | 'markdown' | 'text';

const KEYWORDS: Record<PreviewLanguage, ReadonlySet<string>> = {
  typescript: new Set(
    'as async await boolean const declare default else enum export extends false for from function if import in interface keyof let new null number readonly return satisfies string true type typeof undefined unknown'.split(
      ' ',
    ),
  ),
  json: new Set(['true', 'false', 'null']),
  yaml: new Set(['true', 'false', 'null']),
  shell: new Set('if then else fi for do done set exit echo local'.split(' ')),
  hcl: new Set(['resource', 'variable', 'provider', 'true', 'false']),
  markdown: new Set(),
  text: new Set(),
};

/** Largest text highlighted; bigger files are shown plain so a huge export never blocks typing. */
export const MAX_HIGHLIGHTED_LENGTH = 200_000;

function patternFor(language: PreviewLanguage): RegExp {
  const comment =
    language === 'typescript'
      ? String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`
      : language === 'yaml' || language === 'shell' || language === 'hcl'
        ? String.raw`#[^\n]*`
        : undefined;
  const alternatives = [
    comment && `(?<comment>${comment})`,
    // A YAML key: the start of a line up to the colon that ends it.
    language === 'yaml' && String.raw`(?<key>^[ \t-]*[A-Za-z0-9_.$'"-]+(?=:(?:\s|$)))`,
    String.raw`(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\x60(?:[^\x60\\]|\\.)*\x60)`,
    String.raw`(?<number>\b\d+(?:\.\d+)?\b)`,
    String.raw`(?<word>[A-Za-z_$][\w$]*)`,
  ].filter(Boolean);
  return new RegExp(alternatives.join('|'), 'gm');
}

export function highlight(text: string, language: PreviewLanguage): Token[] {
  if (language === 'markdown' || language === 'text' || text.length > MAX_HIGHLIGHTED_LENGTH) {
    return [{ kind: 'plain', text }];
  }
  const tokens: Token[] = [];
  const keywords = KEYWORDS[language];
  let plainStart = 0;
  const push = (kind: TokenKind, start: number, end: number) => {
    if (start > plainStart) tokens.push({ kind: 'plain', text: text.slice(plainStart, start) });
    tokens.push({ kind, text: text.slice(start, end) });
    plainStart = end;
  };
  for (const match of text.matchAll(patternFor(language))) {
    const groups = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].length === 0) continue;
    if (groups.comment) push('comment', start, end);
    else if (groups.key) push('key', start, end);
    else if (groups.string) {
      // A JSON string followed by a colon is a key.
      push(language === 'json' && text[end] === ':' ? 'key' : 'string', start, end);
    } else if (groups.number) push('number', start, end);
    else if (groups.word && keywords.has(groups.word)) push('keyword', start, end);
  }
  if (plainStart < text.length) tokens.push({ kind: 'plain', text: text.slice(plainStart) });
  return tokens;
}

/** The preview language of a generated file, from its path. */
export function previewLanguage(path: string): PreviewLanguage {
  if (/\.tsx?$/.test(path)) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (path.endsWith('.sh')) return 'shell';
  if (path.endsWith('.tf')) return 'hcl';
  if (path.endsWith('.md')) return 'markdown';
  return 'text';
}
