/** A single-quoted TypeScript string literal (any text: quotes, backslashes, newlines, emoji). */
export function tsString(value: string): string {
  // Most literals are names, topics and CloudEvents types: nothing to escape.
  if (PLAIN.test(value)) return `'${value}'`;
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

const PLAIN = /^[\w .,:;/@+=()-]*$/;

/** A TSDoc block; `*\/` inside sticky text must not end the comment early. */
export function tsDoc(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  while (body.at(-1) === '') body.pop();
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

/** A sticky's text on one line, for titles and tables. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
