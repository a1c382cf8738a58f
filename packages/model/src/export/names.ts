import anyAscii from 'any-ascii';

/** The forms one sticky's name takes in generated code. */
export interface CodeName {
  /** Types, namespaces: `PaymentRequested`. */
  readonly pascal: string;
  /** Fields, variables: `paymentRequested`. */
  readonly camel: string;
  /** Topic segments and file names: `payment-requested`. */
  readonly kebab: string;
}

/** What a name came from, for the report: `transliterated` when non-ASCII text was romanised. */
export interface NameWords {
  readonly words: readonly string[];
  readonly transliterated: boolean;
  /** Han characters come out as Mandarin readings, which Japanese or Korean teams may not want. */
  readonly han: boolean;
}

const ASCII_WORD = /^[\x20-\x7e]*$/;

/**
 * Splits `SMSSent`, `paymentRequested`, `orderID`, `setPointC` into their words. A capital after a single
 * lowercase letter stays in its word, so `IoT` and `iPhone` are one word each.
 */
function splitHumps(token: string): string[] {
  return token
    .replace(/(?<=[a-z]{2}|[0-9])(?=[A-Z])/g, ' ')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter(Boolean);
}

/**
 * The lowercase ASCII words of a text in any language. Non-ASCII words are transliterated as a whole
 * (`주문 접수됨` → `jumun`, `jeobsudoem`), so each word of the sticky stays one word of the identifier.
 */
export function nameWords(text: string): NameWords {
  const cached = wordsCache.get(text);
  if (cached) return cached;
  const words = computeNameWords(text);
  // Boards repeat the same field names thousands of times; the cache is bounded so a server never grows it.
  if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
  wordsCache.set(text, words);
  return words;
}

const WORDS_CACHE_LIMIT = 10_000;
const wordsCache = new Map<string, NameWords>();

function computeNameWords(text: string): NameWords {
  if (ASCII_WORD.test(text)) {
    // Fast path: nothing to normalise or transliterate.
    const words = (text.match(/[A-Za-z0-9]+/g) ?? []).flatMap((token) =>
      splitHumps(token).map((w) => w.toLowerCase()),
    );
    return { words, transliterated: false, han: false };
  }
  const tokens = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const words: string[] = [];
  let transliterated = false;
  let han = false;
  for (const token of tokens) {
    if (ASCII_WORD.test(token)) {
      words.push(...splitHumps(token).map((word) => word.toLowerCase()));
      continue;
    }
    transliterated = true;
    if (/\p{Script=Han}/u.test(token)) han = true;
    const ascii = anyAscii(token)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    if (ascii) words.push(ascii);
  }
  return { words, transliterated, han };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function codeNameFromWords(words: readonly string[]): CodeName {
  const pascal = words.map(capitalise).join('');
  return {
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    kebab: words.join('-'),
  };
}

/** Kebab-case segments of a dotted name such as a topic prefix (`Fraud.Detection` → `fraud.detection`). */
export function topicSegments(text: string): string {
  return text
    .split('.')
    .map((part) => nameWords(part).words.join('-'))
    .filter(Boolean)
    .join('.');
}

/**
 * Longest name, in characters of its kebab form (the longest form: it is the file name and the topic
 * segment), before a collision number. Three of them plus `.v1.schema.json` stay far below file-name
 * limits, and `<org>.<context>.<aggregate>.events` below Kafka's 249 characters.
 */
export const MAX_CODE_NAME_LENGTH = 60;

/**
 * A short stable hash (6 base-36 characters, FNV-1a) that keeps two shortened names apart: of an
 * element's id, so the name stays the same while the text beyond the cut is edited.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 6).toString(36).padStart(6, '0');
}

/**
 * A kebab or dotted name (`payment-requested`, `team.alpha`) of at most `max` characters: cut at the
 * last `-` or `.` that fits (inside a word only when the first word alone is too long), then `-<hash
 * of hashSource>`. Names that fit come back unchanged.
 */
export function shortenName(name: string, hashSource: string, max = MAX_CODE_NAME_LENGTH): string {
  if (name.length <= max) return name;
  const hash = shortHash(hashSource);
  const budget = max - hash.length - 1;
  const boundary = Math.max(name.lastIndexOf('-', budget), name.lastIndexOf('.', budget));
  const kept = boundary > 0 ? name.slice(0, boundary) : name.slice(0, budget).replace(/[-.]+$/, '');
  return `${kept}-${hash}`;
}

/** A bounded context's topic prefix as the context's segment of topic names, shortened after its id. */
export function topicPrefixName(topicPrefix: string, contextId: string): string {
  return shortenName(topicSegments(topicPrefix), contextId);
}

/** The board's name in file names (`banking-payments`), shortened after the full name. */
export function boardFileName(boardName: string): string {
  return shortenName(codeNameFromWords(nameWords(boardName).words).kebab, boardName) || 'board';
}

/** Type names that compile but shadow globals and break the module, plus the names the exporter defines. */
const TAKEN_TYPE_NAMES = new Set([
  'Array',
  'ArrayBuffer',
  'Boolean',
  'BigInt',
  'Date',
  'Error',
  'Function',
  'Infinity',
  'Intl',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'Reflect',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'WeakMap',
  'WeakSet',
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Exclude',
  'Extract',
  'NonNullable',
  'ReturnType',
  'Parameters',
  'InstanceType',
  'Awaited',
  'Uppercase',
  'Lowercase',
  'Capitalize',
  'Uncapitalize',
  'CloudEvent',
  'CloudEventSchema',
  'Equals',
  'Topics',
  'TopicName',
  'TopicDefinition',
]);

export function isTakenTypeName(name: string): boolean {
  return TAKEN_TYPE_NAMES.has(name);
}
