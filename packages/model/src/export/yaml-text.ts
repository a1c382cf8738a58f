import type { JsonValue } from './json-schema.ts';

/** Plain (unquoted) scalars: word-like text that no YAML 1.1 or 1.2 reader takes for a number, bool or null. */
const PLAIN = /^[A-Za-z$_][A-Za-z0-9 ._/()$-]*$/;
const KEYWORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
/** Characters YAML does not allow unescaped in a double-quoted scalar (JSON leaves them as they are). */
const NON_PRINTABLE = /[\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g;

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !value.endsWith(' ') && !KEYWORDS.test(value)) return value;
  // A JSON string is a valid YAML double-quoted scalar once the non-printables are escaped too.
  return JSON.stringify(value).replace(
    NON_PRINTABLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const isCollection = (
  value: JsonValue,
): value is readonly JsonValue[] | { readonly [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null;

const isEmpty = (value: readonly JsonValue[] | { readonly [key: string]: JsonValue }) =>
  Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;

function block(
  value: readonly JsonValue[] | { readonly [key: string]: JsonValue },
  indent: string,
  out: string[],
): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    for (const item of value as readonly JsonValue[]) {
      if (!isCollection(item) || isEmpty(item)) {
        out.push(`${indent}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}\n`);
        continue;
      }
      // The item's first line shares the dash: render it one level in, then put the dash in front.
      const start = out.length;
      block(item, inner, out);
      out[start] = `${indent}- ${out[start]!.slice(inner.length)}`;
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isCollection(item)) out.push(`${indent}${scalar(key)}: ${scalar(item)}\n`);
    else if (isEmpty(item)) out.push(`${indent}${scalar(key)}: ${Array.isArray(item) ? '[]' : '{}'}\n`);
    else {
      out.push(`${indent}${scalar(key)}:\n`);
      block(item, inner, out);
    }
  }
}

/**
 * Block-style YAML of JSON data, deterministic and fast (the `yaml` package's stringify dominated the
 * export time of large boards). Keys keep their insertion order; no anchors, no tags.
 */
export function toYaml(value: { readonly [key: string]: JsonValue }): string {
  if (Object.keys(value).length === 0) return '{}\n';
  const out: string[] = [];
  block(value, '', out);
  return out.join('');
}
