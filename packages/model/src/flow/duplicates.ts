import type { BoardElement, CommandElement, DomainEventElement } from '../elements.ts';

/**
 * The form two sticky names are compared in: Unicode NFKC (full-width letters and digits become ASCII,
 * half-width katakana full-width, decomposed Hangul syllables composed), case folded (`ß` and `SS`
 * alike), and every space, punctuation mark and symbol removed: "Payment-Requested!", "payment
 * requested" and "ＰＡＹＭＥＮＴ　ＲＥＱＵＥＳＴＥＤ" are one name; so are "결제 요청됨" and "결제요청됨"
 * (Korean spacing varies from writer to writer).
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s\p{Cc}\p{Cf}]+/gu, '');
}

export type DuplicateKind = 'domainEvent' | 'command';
export type DuplicateCandidate = DomainEventElement | CommandElement;

/** Notes of one kind whose names are the same once normalised. */
export interface DuplicateGroup {
  readonly kind: DuplicateKind;
  /** The normalised name they share. */
  readonly name: string;
  /** Left to right (then top to bottom): the first is the one a merge keeps by default. */
  readonly elements: readonly DuplicateCandidate[];
}

const byPlace = (a: BoardElement, b: BoardElement) =>
  a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Events (and commands) whose names match after `normaliseName`; empty notes never match. Groups come
 * in the order of their first note on the board, left to right.
 */
export function findDuplicates(
  elements: readonly BoardElement[],
  within?: ReadonlySet<string>,
): DuplicateGroup[] {
  const groups = new Map<string, DuplicateCandidate[]>();
  for (const element of elements) {
    if (element.kind !== 'domainEvent' && element.kind !== 'command') continue;
    if (within && !within.has(element.id)) continue;
    const name = normaliseName(element.text);
    if (name === '') continue;
    const key = `${element.kind}\u0000${name}`;
    const group = groups.get(key);
    if (group) group.push(element);
    else groups.set(key, [element]);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => {
      const [kind, name] = key.split('\u0000') as [DuplicateKind, string];
      return { kind, name, elements: [...group].sort(byPlace) };
    })
    .sort((a, b) => byPlace(a.elements[0]!, b.elements[0]!));
}
