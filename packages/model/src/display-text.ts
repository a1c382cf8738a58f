/**
 * Text from a board or a command line, made safe to show in a message. Messages end up in terminals
 * and CI logs, where an ESC starts colour and cursor sequences, BEL rings, CR rewrites the line, and
 * bidirectional overrides reorder what a reader sees ("Trojan Source").
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const NAMED = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/** Control characters (C0, DEL, C1), line separators and bidi controls as `\n`, `\u001b`-style escapes. */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => NAMED.get(char) ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Longest quoted input in a message, in characters; a 10,000-character sticky is shortened with `…`. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Input quoted in a message: `"…"`, on one line (runs of white space become one space), control
 * characters escaped, at most `max` characters of it (never half an emoji).
 */
export function quoted(text: string, max = MAX_QUOTED_LENGTH): string {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line.length <= max) return `"${escapeControlCharacters(line)}"`;
  let cut = line.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `"${escapeControlCharacters(cut)}…"`;
}

/** Text for a terminal: every line's control characters escaped, the line breaks kept. */
export function terminalText(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}
