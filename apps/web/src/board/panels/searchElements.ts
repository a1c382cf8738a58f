import type { BoardElement } from '@squall/model';

const normalise = (text: string) => text.normalize('NFC').toLocaleLowerCase();

/** Elements whose text contains the query (any language, case-insensitive), in reading order: rows, then left to right. */
export function searchElements(elements: Iterable<BoardElement>, query: string): BoardElement[] {
  const needle = normalise(query.trim());
  if (!needle) return [];
  return [...elements]
    .filter(
      (element) => normalise(element.text).includes(needle) || normalise(element.codeName).includes(needle),
    )
    .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
}
