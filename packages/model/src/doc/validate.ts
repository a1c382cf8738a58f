import type { Point, Size, TopicSettings } from '../elements.ts';
import type { FieldType, NestedField, PayloadField } from '../fields.ts';
import { MAX_FIELD_TYPE_DEPTH, SCALAR_FIELD_TYPES } from '../fields.ts';

/**
 * Lenient readers for values found in a shared document. Any peer can write anything into a Yjs
 * document, so every read goes through these: bad values become defaults instead of crashing a reader.
 */
export const COORDINATE_LIMIT = 10_000_000;
export const MIN_SIZE = 10;
export const MAX_SIZE = 100_000;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function readPoint(value: unknown): Point {
  if (!isRecord(value)) return { x: 0, y: 0 };
  return {
    x: finite(value.x, 0, -COORDINATE_LIMIT, COORDINATE_LIMIT),
    y: finite(value.y, 0, -COORDINATE_LIMIT, COORDINATE_LIMIT),
  };
}

export function readSize(value: unknown, fallback: Size): Size {
  if (!isRecord(value)) return fallback;
  return {
    width: finite(value.width, fallback.width, MIN_SIZE, MAX_SIZE),
    height: finite(value.height, fallback.height, MIN_SIZE, MAX_SIZE),
  };
}

export function readString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function readTopicSettings(value: unknown): TopicSettings {
  if (!isRecord(value)) return {};
  const settings: {
    -readonly [K in keyof TopicSettings]: TopicSettings[K];
  } = {};
  const int = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
  const partitions = int(value.partitions, 1, 100_000);
  if (partitions !== undefined) settings.partitions = partitions;
  const replicationFactor = int(value.replicationFactor, 1, 32_767);
  if (replicationFactor !== undefined) settings.replicationFactor = replicationFactor;
  const retentionMs = int(value.retentionMs, -1, Number.MAX_SAFE_INTEGER);
  if (retentionMs !== undefined) settings.retentionMs = retentionMs;
  if (typeof value.compaction === 'boolean') settings.compaction = value.compaction;
  if (typeof value.stateTopic === 'boolean') settings.stateTopic = value.stateTopic;
  return settings;
}

/** A field type, or undefined when the value is not one (unknown kind, too deep, wrong shape). */
export function readFieldType(value: unknown, depth = 0): FieldType | undefined {
  if (!isRecord(value) || depth > MAX_FIELD_TYPE_DEPTH) return undefined;
  const kind = value.kind;
  if ((SCALAR_FIELD_TYPES as readonly unknown[]).includes(kind)) {
    return { kind: kind as (typeof SCALAR_FIELD_TYPES)[number] };
  }
  switch (kind) {
    case 'enum':
      return Array.isArray(value.values) && value.values.every((v) => typeof v === 'string')
        ? { kind, values: [...(value.values as string[])] }
        : undefined;
    case 'array': {
      const items = readFieldType(value.items, depth + 1);
      return items ? { kind, items } : undefined;
    }
    case 'object': {
      if (!Array.isArray(value.fields)) return undefined;
      const fields: NestedField[] = [];
      for (const field of value.fields) {
        const nested = readNestedField(field, depth + 1);
        if (nested) fields.push(nested);
      }
      return { kind, fields };
    }
    case 'ref':
      return typeof value.elementId === 'string' ? { kind, elementId: value.elementId } : undefined;
    default:
      return undefined;
  }
}

function readNestedField(value: unknown, depth: number): NestedField | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  const type = readFieldType(value.type, depth) ?? { kind: 'string' };
  const field: NestedField = { name: value.name, type, required: value.required === true };
  return typeof value.description === 'string' && value.description !== ''
    ? { ...field, description: value.description }
    : field;
}

export function readPayloadField(id: string, value: unknown): PayloadField | undefined {
  const nested = readNestedField(value, 0);
  return nested ? { id, ...nested } : undefined;
}
