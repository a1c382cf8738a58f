import type { ElementKind } from '@squall/model';

/** One key per kind: press it to place that kind at the pointer. */
export const KIND_SHORTCUTS: Readonly<Record<ElementKind, string>> = {
  domainEvent: 'e',
  command: 'c',
  actor: 'a',
  aggregate: 'g',
  policy: 'p',
  readModel: 'r',
  externalSystem: 'x',
  hotspot: 'h',
  opportunity: 'o',
  boundedContext: 'b',
  swimlane: 'l',
};

export function kindForKey(key: string): ElementKind | undefined {
  const lower = key.toLowerCase();
  return (Object.keys(KIND_SHORTCUTS) as ElementKind[]).find((kind) => KIND_SHORTCUTS[kind] === lower);
}
