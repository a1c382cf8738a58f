import type { ElementKind } from '../kinds.ts';
import { type CodeName, codeNameFromWords, isTakenTypeName, nameWords, shortenName } from './names.ts';

/** What a name is derived from: an element, or a payload field (kind `field`). */
export interface NameSource {
  readonly id: string;
  readonly kind: ElementKind | 'field';
  readonly text: string;
  /** The stable name people set; wins over the text when it has any letters or digits. */
  readonly codeName: string;
}

/** A derived name and how it was reached, so the README and warnings can explain it. */
export interface DerivedName extends CodeName {
  readonly transliterated: boolean;
  readonly han: boolean;
  /** A kind word was added (empty text, leading digit, built-in name) or a number after a collision. */
  readonly adjusted: boolean;
  readonly collided: boolean;
  /** The text was too long for a readable name: cut at a word boundary, with a short hash for uniqueness. */
  readonly shortened: boolean;
}

const KIND_WORD: Record<NameSource['kind'], string> = {
  domainEvent: 'event',
  command: 'command',
  actor: 'actor',
  aggregate: 'aggregate',
  policy: 'policy',
  readModel: 'read-model',
  externalSystem: 'system',
  hotspot: 'hotspot',
  opportunity: 'opportunity',
  boundedContext: 'context',
  swimlane: 'lane',
  field: 'field',
};

/** The name a sticky asks for, before collisions: never empty, never digit-leading, never a built-in. */
export function baseName(source: NameSource): DerivedName {
  // A sticky without letters or digits is named after its id: nothing to share with other stickies.
  if (nameWords(source.codeName).words.length === 0 && nameWords(source.text).words.length === 0) {
    return computeBaseName(source);
  }
  // Large boards repeat the same names (fields above all), and live exports name the same elements again
  // on every edit; bounded, so a long-running server never grows it. A shortened element name depends
  // on the element's id (its hash), a field's on its text only.
  const key = `${source.kind}\u0000${source.kind === 'field' ? '' : source.id}\u0000${source.codeName}\u0000${source.text}`;
  let name = baseNameCache.get(key);
  if (!name) {
    name = computeBaseName(source);
    if (baseNameCache.size >= BASE_NAME_CACHE_LIMIT) baseNameCache.clear();
    baseNameCache.set(key, name);
  }
  return name;
}

const BASE_NAME_CACHE_LIMIT = 10_000;
const baseNameCache = new Map<string, DerivedName>();

function computeBaseName(source: NameSource): DerivedName {
  const fromCode = nameWords(source.codeName);
  const derived = fromCode.words.length > 0 ? fromCode : nameWords(source.text);
  let words = derived.words;
  let adjusted = false;
  const kindWord = KIND_WORD[source.kind].split('-');
  if (words.length === 0) {
    // A short id keeps two empty stickies apart without depending on the order they are met.
    words = [
      ...kindWord,
      source.id
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 6)
        .toLowerCase() || 'x',
    ];
    adjusted = true;
  } else if (/^[0-9]/.test(words[0]!)) {
    words = [...kindWord, ...words];
    adjusted = true;
  }
  // Fields have no id of their own (nested ones), so a long field name is told apart by its full text.
  const whole = words.join('-');
  const short = shortenName(whole, source.kind === 'field' ? source.text : source.id);
  const shortened = short !== whole;
  if (shortened) words = short.split('-');
  let name = codeNameFromWords(words);
  if (source.kind !== 'field' && isTakenTypeName(name.pascal)) {
    name = codeNameFromWords([...words, ...kindWord]);
    adjusted = true;
  }
  return {
    ...name,
    transliterated: derived.transliterated,
    han: derived.han,
    adjusted,
    collided: false,
    shortened,
  };
}

/**
 * A namespace in generated code (a module, a context, an object's fields). Names are compared without
 * case, so two names never differ only in case (file names on macOS and Windows would collide).
 * A name also claims its derived names (`PaymentRequested` + `Schema`), so those cannot collide either.
 */
export class NameScope {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name.toLowerCase());
  }

  claim(source: NameSource, suffixes: readonly string[] = ['']): DerivedName {
    const base = baseName(source);
    const words = base.kebab.split('-');
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : { ...base, ...codeNameFromWords([...words, String(n)]) };
      const keys = suffixes.map((suffix) => `${name.pascal}${suffix}`.toLowerCase());
      if (keys.some((key) => this.used.has(key))) continue;
      for (const key of keys) this.used.add(key);
      return n === 1 ? name : { ...name, collided: true, adjusted: true };
    }
  }
}
