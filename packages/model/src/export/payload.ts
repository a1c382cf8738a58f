import { quoted } from '../display-text.ts';
import type { BoardElement } from '../elements.ts';
import type { FieldType, NestedField, ScalarFieldType } from '../fields.ts';
import { NameScope } from './name-scope.ts';
import type { ExportWarning } from './warnings.ts';

/**
 * A payload field as every format renders it: a camelCase key, refs expanded, so TypeScript, zod and
 * JSON Schema are generated from one tree and cannot drift apart.
 */
export interface PayloadProperty {
  readonly key: string;
  /** The field name as written on the board, when the key differs from it. */
  readonly originalName?: string;
  readonly type: PayloadType;
  readonly required: boolean;
  readonly description?: string;
}

export type PayloadType =
  | { readonly kind: ScalarFieldType }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly items: PayloadType }
  | { readonly kind: 'object'; readonly properties: readonly PayloadProperty[]; readonly refTitle?: string }
  /** Any JSON object: a ref that cannot be expanded (missing, cyclic, or to a read model). */
  | { readonly kind: 'open'; readonly note: string };

interface ResolveContext {
  readonly byId: ReadonlyMap<string, BoardElement>;
  readonly owner: BoardElement;
  readonly warnings: ExportWarning[];
  /** Properties this payload may still expand: refs can fan out exponentially on a hostile board. */
  budget: number;
}

/** Largest expanded payload, in properties; refs beyond it become "any JSON object". */
export const MAX_PAYLOAD_PROPERTIES = 2_000;

function warn(context: ResolveContext, code: string, note: string, targetId?: string): void {
  context.warnings.push({
    code,
    severity: 'warning',
    source: 'export',
    elementIds: [context.owner.id, ...(targetId ? [targetId] : [])],
    message: `A field of ${quoted(context.owner.text)} ${note}.`,
  });
}

function resolveType(type: FieldType, context: ResolveContext, path: readonly string[]): PayloadType {
  switch (type.kind) {
    case 'enum':
      if (type.values.length === 0) {
        // A live board can hold an enum whose values are not typed in yet.
        warn(context, 'empty-enum', 'is an enum without values; it is exported as a string');
        return { kind: 'string' };
      }
      return { kind: 'enum', values: [...new Set(type.values)] };
    case 'array':
      return { kind: 'array', items: resolveType(type.items, context, path) };
    case 'object':
      return { kind: 'object', properties: resolveProperties(type.fields, context, path) };
    case 'ref': {
      const target = context.byId.get(type.elementId);
      const label = target ? quoted(target.text) : `element ${type.elementId}`;
      const unresolved = (note: string): PayloadType => {
        warn(context, 'unresolved-ref', `${note}; it is exported as any JSON object`, target?.id);
        return { kind: 'open', note };
      };
      if (!target || (target.kind !== 'domainEvent' && target.kind !== 'command')) {
        return unresolved(`refers to ${label}, which has no payload`);
      }
      if (path.includes(target.id)) return unresolved(`refers to ${label} in a cycle`);
      if (context.budget < target.fields.length) {
        return unresolved(
          `refers to ${label}, which would make the payload larger than ${MAX_PAYLOAD_PROPERTIES} fields`,
        );
      }
      return {
        kind: 'object',
        properties: resolveProperties(target.fields, context, [...path, target.id]),
        refTitle: target.text.trim(),
      };
    }
    default:
      return { kind: type.kind };
  }
}

function resolveProperties(
  fields: readonly NestedField[],
  context: ResolveContext,
  path: readonly string[],
): PayloadProperty[] {
  const scope = new NameScope();
  context.budget -= fields.length;
  return fields.map((field, index) => {
    const name = scope.claim({ id: `${index + 1}`, kind: 'field', text: field.name, codeName: '' });
    if (name.collided) {
      context.warnings.push({
        code: 'field-name-collision',
        severity: 'warning',
        source: 'export',
        elementIds: [context.owner.id],
        message: `Field ${quoted(field.name)} of ${quoted(context.owner.text)} has the same code name as an earlier field; it is exported as "${name.camel}".`,
      });
    }
    return {
      key: name.camel,
      ...(name.camel !== field.name ? { originalName: field.name } : {}),
      type: resolveType(field.type, context, path),
      required: field.required,
      ...(field.description ? { description: field.description } : {}),
    };
  });
}

/** The payload of an event or command, with refs to other payloads expanded inline. */
export function resolvePayload(
  element: BoardElement & { readonly fields: readonly NestedField[] },
  byId: ReadonlyMap<string, BoardElement>,
  warnings: ExportWarning[],
): PayloadProperty[] {
  return resolveProperties(
    element.fields,
    { byId, owner: element, warnings, budget: MAX_PAYLOAD_PROPERTIES },
    [element.id],
  );
}

/**
 * Members of `Object.prototype`. A payload field with one of these names is an ordinary own property,
 * but validators that read `value[key]` find the inherited member when it is absent (zod 4, and ajv
 * unless `ownProperties: true`). Listed, not read from the engine, so the output never depends on it.
 */
const PROTOTYPE_MEMBER_NAMES: ReadonlySet<string> = new Set([
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

export function isPrototypeMemberName(key: string): boolean {
  return PROTOTYPE_MEMBER_NAMES.has(key);
}

/** Whether a payload, at any depth, has a field named like an `Object.prototype` member. */
export function hasPrototypeNamedField(properties: readonly PayloadProperty[]): boolean {
  const inType = (type: PayloadType): boolean =>
    (type.kind === 'array' && inType(type.items)) ||
    (type.kind === 'object' && hasPrototypeNamedField(type.properties));
  return properties.some((property) => isPrototypeMemberName(property.key) || inType(property.type));
}
