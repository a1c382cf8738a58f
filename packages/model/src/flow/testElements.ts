import type { BoardElement } from '../elements.ts';
import { type ElementKind, KIND_INFO } from '../kinds.ts';

/** A board element for tests: `kind` at `x, y` with the kind's default size unless given. */
export function testElement(
  id: string,
  kind: ElementKind,
  x: number,
  y: number,
  extra: Record<string, unknown> = {},
): BoardElement {
  const withFields = kind === 'domainEvent' || kind === 'command' ? { fields: [] } : {};
  return {
    id,
    kind,
    text: id,
    position: { x, y },
    size: KIND_INFO[kind].defaultSize,
    z: 'V',
    codeName: '',
    ...withFields,
    ...extra,
  } as BoardElement;
}
