import type { BoardElement, ElementInit } from '@squall/model';

/** The init that recreates an element (a paste or duplicate); the caller gives it a new id and place. */
export function elementInit(element: BoardElement): ElementInit {
  const { kind, text, position, size, codeName } = element;
  const base = { kind, text, position, size, codeName };
  switch (element.kind) {
    case 'domainEvent':
    case 'command':
      return { ...base, fields: element.fields };
    case 'aggregate':
      return { ...base, keyField: element.keyField, topic: element.topic };
    case 'boundedContext':
      return { ...base, topicPrefix: element.topicPrefix, topic: element.topic };
    default:
      return base;
  }
}
