import { escapeControlCharacters, quoted } from '../display-text.ts';
import { COORDINATE_LIMIT, isRecord, MAX_SIZE, MIN_SIZE } from '../doc/validate.ts';
import type { BoardElement, Connection, TopicSettings, WorkshopLevel } from '../elements.ts';
import { WORKSHOP_LEVELS } from '../elements.ts';
import {
  FIELD_TYPE_KINDS,
  type FieldType,
  MAX_FIELD_TYPE_DEPTH,
  type NestedField,
  type PayloadField,
} from '../fields.ts';
import { ELEMENT_KINDS, type ElementKind, hasPayload, isElementKind } from '../kinds.ts';
import { isZKey } from '../zorder.ts';
import { formatByteSize, utf8ByteLength } from './byte-size.ts';
import {
  BOARD_FILE_FORMAT,
  BOARD_FILE_VERSION,
  BOARD_FILE_VERSIONS,
  type BoardFile,
  type BoardFileVersion,
  upgradeBoardFile,
} from './format.ts';

/** One problem in a board file: where (a JSON Pointer, `""` for the whole file) and what is wrong. */
export interface BoardFileError {
  readonly path: string;
  readonly message: string;
}

export type ParseBoardFileResult =
  /** `file` is always of the current version; `fromVersion` is the version the input was written in. */
  | { readonly ok: true; readonly file: BoardFile; readonly fromVersion: BoardFileVersion }
  | { readonly ok: false; readonly errors: readonly BoardFileError[] };

export interface ParseBoardFileOptions {
  /** Largest accepted file, in bytes (of its UTF-8 encoding when it is given as text). Default 20 MiB. */
  readonly maxBytes?: number;
  /** Most elements accepted. Default 50,000. */
  readonly maxElements?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ELEMENTS = 50_000;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 200;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ERRORS = 50;

class Problems {
  readonly list: BoardFileError[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, message });
  }
  get full(): boolean {
    return this.list.length >= MAX_ERRORS;
  }
}

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? 'a string'
        : typeof value;

function checkKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      problems.add(`${path}/${escapePointer(key)}`, `unknown property ${quoted(key)}`);
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function expectString(
  value: unknown,
  path: string,
  problems: Problems,
  max: number,
  nonEmpty = false,
): value is string {
  if (typeof value !== 'string') {
    problems.add(
      path,
      value === undefined ? 'is missing (expected a string)' : `must be a string, not ${describe(value)}`,
    );
    return false;
  }
  if (nonEmpty && value.trim() === '') {
    problems.add(path, 'must not be empty');
    return false;
  }
  if (value.length > max) {
    problems.add(path, `is ${value.length} characters long; at most ${max} are allowed`);
    return false;
  }
  return true;
}

function expectNumber(
  value: unknown,
  path: string,
  problems: Problems,
  min: number,
  max: number,
): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(
      path,
      value === undefined ? 'is missing (expected a number)' : `must be a number, not ${describe(value)}`,
    );
    return false;
  }
  if (value < min || value > max) {
    problems.add(path, `must be between ${min} and ${max}, not ${value}`);
    return false;
  }
  return true;
}

function expectRecord(
  value: unknown,
  path: string,
  problems: Problems,
  what: string,
): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  problems.add(
    path,
    value === undefined ? `is missing (expected ${what})` : `must be ${what}, not ${describe(value)}`,
  );
  return false;
}

function parseFieldType(
  value: unknown,
  path: string,
  problems: Problems,
  depth: number,
): FieldType | undefined {
  if (!expectRecord(value, path, problems, 'a field type object like {"kind": "string"}')) return undefined;
  if (depth > MAX_FIELD_TYPE_DEPTH) {
    problems.add(path, `nests deeper than ${MAX_FIELD_TYPE_DEPTH} levels`);
    return undefined;
  }
  const kind = value.kind;
  if (!(FIELD_TYPE_KINDS as readonly unknown[]).includes(kind)) {
    problems.add(
      `${path}/kind`,
      `must be one of ${FIELD_TYPE_KINDS.join(', ')}; got ${typeof kind === 'string' ? quoted(kind) : kind === undefined ? 'nothing' : describe(kind)}`,
    );
    return undefined;
  }
  switch (kind) {
    case 'enum': {
      checkKeys(value, ['kind', 'values'], path, problems);
      const values = value.values;
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((v) => typeof v === 'string' && v !== '')
      ) {
        problems.add(`${path}/values`, 'must be a non-empty array of non-empty strings');
        return undefined;
      }
      if (new Set(values).size !== values.length) problems.add(`${path}/values`, 'has duplicate values');
      return { kind, values: values as string[] };
    }
    case 'array': {
      checkKeys(value, ['kind', 'items'], path, problems);
      const items = parseFieldType(value.items, `${path}/items`, problems, depth + 1);
      return items && { kind, items };
    }
    case 'object': {
      checkKeys(value, ['kind', 'fields'], path, problems);
      if (!Array.isArray(value.fields)) {
        problems.add(`${path}/fields`, 'must be an array of fields');
        return undefined;
      }
      const fields = parseFieldList(value.fields, `${path}/fields`, problems, depth + 1, false);
      return { kind, fields };
    }
    case 'ref':
      checkKeys(value, ['kind', 'elementId'], path, problems);
      if (typeof value.elementId !== 'string' || !ID_PATTERN.test(value.elementId)) {
        problems.add(`${path}/elementId`, 'must be the id of an element on this board');
        return undefined;
      }
      return { kind, elementId: value.elementId };
    default:
      checkKeys(value, ['kind'], path, problems);
      return { kind: kind as Exclude<FieldType['kind'], 'enum' | 'array' | 'object' | 'ref'> };
  }
}

function parseFieldList(
  list: readonly unknown[],
  path: string,
  problems: Problems,
  depth: number,
  withIds: boolean,
): PayloadField[] {
  const fields: PayloadField[] = [];
  const ids = new Set<string>();
  list.forEach((value, index) => {
    const at = `${path}/${index}`;
    if (!expectRecord(value, at, problems, 'a field object')) return;
    checkKeys(
      value,
      withIds
        ? ['id', 'name', 'type', 'required', 'description']
        : ['name', 'type', 'required', 'description'],
      at,
      problems,
    );
    let id = '';
    if (withIds) {
      if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) {
        problems.add(`${at}/id`, 'must be an id of 1–64 letters, digits, "_" or "-"');
      } else if (ids.has(value.id)) {
        problems.add(`${at}/id`, `duplicate field id "${value.id}"`);
      } else {
        ids.add(value.id);
        id = value.id;
      }
    }
    // Two people can add a field of one name at once, so boards may hold duplicates: the lint reports
    // them, and the file keeps them so a download and re-import loses nothing.
    const nameOk = expectString(value.name, `${at}/name`, problems, MAX_NAME_LENGTH, true);
    const type = parseFieldType(value.type, `${at}/type`, problems, depth);
    if (typeof value.required !== 'boolean') problems.add(`${at}/required`, 'must be true or false');
    if (value.description !== undefined)
      expectString(value.description, `${at}/description`, problems, MAX_TEXT_LENGTH);
    if (nameOk && type && typeof value.required === 'boolean') {
      const field: NestedField = {
        name: value.name as string,
        type,
        required: value.required,
        ...(typeof value.description === 'string' && value.description !== ''
          ? { description: value.description }
          : {}),
      };
      fields.push({ id, ...field });
    }
  });
  return withIds ? fields : fields.map(({ id: _id, ...nested }) => nested as PayloadField);
}

function parseTopic(value: unknown, path: string, problems: Problems, kind: ElementKind): TopicSettings {
  if (!expectRecord(value, path, problems, 'an object of topic settings')) return {};
  const keys = ['partitions', 'replicationFactor', 'retentionMs', 'compaction'];
  checkKeys(value, kind === 'aggregate' ? [...keys, 'stateTopic'] : keys, path, problems);
  const integer = (key: string, min: number, max: number) => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      problems.add(`${path}/${key}`, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return v;
  };
  const settings: { -readonly [K in keyof TopicSettings]: TopicSettings[K] } = {};
  const partitions = integer('partitions', 1, 100_000);
  if (partitions !== undefined) settings.partitions = partitions;
  const replicationFactor = integer('replicationFactor', 1, 32_767);
  if (replicationFactor !== undefined) settings.replicationFactor = replicationFactor;
  const retentionMs = integer('retentionMs', -1, Number.MAX_SAFE_INTEGER);
  if (retentionMs !== undefined) settings.retentionMs = retentionMs;
  for (const key of ['compaction', 'stateTopic'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') problems.add(`${path}/${key}`, 'must be true or false');
    else settings[key] = v;
  }
  return settings;
}

const COMMON_KEYS = ['id', 'kind', 'text', 'position', 'size', 'z', 'codeName'] as const;
const KIND_KEYS: Partial<Record<ElementKind, readonly string[]>> = {
  domainEvent: ['fields', 'pivotal'],
  command: ['fields'],
  aggregate: ['keyField', 'topic'],
  boundedContext: ['topicPrefix', 'topic'],
};
/** What version 1 lacked: it refuses these, so a version 1 file stays exactly what it was. */
const V1_KINDS = ELEMENT_KINDS.filter((kind) => kind !== 'swimlane');
const V1_KIND_KEYS: Partial<Record<ElementKind, readonly string[]>> = {
  ...KIND_KEYS,
  domainEvent: ['fields'],
};

function parseElement(
  value: unknown,
  path: string,
  problems: Problems,
  version: BoardFileVersion,
): BoardElement | undefined {
  if (!expectRecord(value, path, problems, 'an element object')) return undefined;
  const before = problems.list.length;
  const kind = value.kind;
  const kinds: readonly ElementKind[] = version === 1 ? V1_KINDS : ELEMENT_KINDS;
  if (!isElementKind(kind) || !kinds.includes(kind)) {
    problems.add(
      `${path}/kind`,
      `must be one of ${kinds.join(', ')}; got ${JSON.stringify(kind) ?? 'nothing'}${
        kind === 'swimlane' ? ' (swimlanes need board file version 2)' : ''
      }`,
    );
    return undefined;
  }
  const kindKeys = (version === 1 ? V1_KIND_KEYS : KIND_KEYS)[kind] ?? [];
  checkKeys(value, [...COMMON_KEYS, ...kindKeys], path, problems);
  if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) {
    problems.add(`${path}/id`, 'must be an id of 1–64 letters, digits, "_" or "-"');
  }
  expectString(value.text, `${path}/text`, problems, MAX_TEXT_LENGTH);
  expectString(value.codeName, `${path}/codeName`, problems, MAX_NAME_LENGTH);
  if (expectRecord(value.position, `${path}/position`, problems, 'an {"x", "y"} object')) {
    checkKeys(value.position, ['x', 'y'], `${path}/position`, problems);
    expectNumber(value.position.x, `${path}/position/x`, problems, -COORDINATE_LIMIT, COORDINATE_LIMIT);
    expectNumber(value.position.y, `${path}/position/y`, problems, -COORDINATE_LIMIT, COORDINATE_LIMIT);
  }
  if (expectRecord(value.size, `${path}/size`, problems, 'a {"width", "height"} object')) {
    checkKeys(value.size, ['width', 'height'], `${path}/size`, problems);
    expectNumber(value.size.width, `${path}/size/width`, problems, MIN_SIZE, MAX_SIZE);
    expectNumber(value.size.height, `${path}/size/height`, problems, MIN_SIZE, MAX_SIZE);
  }
  if (!isZKey(value.z))
    problems.add(`${path}/z`, 'must be a z-order key: 1–200 letters or digits, not ending in "0"');
  let fields: PayloadField[] = [];
  if (hasPayload(kind)) {
    if (!Array.isArray(value.fields)) problems.add(`${path}/fields`, 'must be an array of payload fields');
    else fields = parseFieldList(value.fields, `${path}/fields`, problems, 0, true);
  }
  let topic: TopicSettings = {};
  if (kind === 'aggregate' || kind === 'boundedContext')
    topic = parseTopic(value.topic, `${path}/topic`, problems, kind);
  if (kind === 'aggregate') expectString(value.keyField, `${path}/keyField`, problems, MAX_NAME_LENGTH);
  if (kind === 'boundedContext')
    expectString(value.topicPrefix, `${path}/topicPrefix`, problems, MAX_NAME_LENGTH);
  if (kind === 'domainEvent' && value.pivotal !== undefined && typeof value.pivotal !== 'boolean')
    problems.add(`${path}/pivotal`, 'must be true or false');
  if (problems.list.length !== before) return undefined;

  const base = {
    id: value.id as string,
    text: value.text as string,
    position: { x: (value.position as { x: number }).x, y: (value.position as { y: number }).y },
    size: {
      width: (value.size as { width: number }).width,
      height: (value.size as { height: number }).height,
    },
    z: value.z as string,
    codeName: value.codeName as string,
  };
  switch (kind) {
    case 'domainEvent':
      return value.pivotal === true ? { ...base, kind, fields, pivotal: true } : { ...base, kind, fields };
    case 'command':
      return { ...base, kind, fields };
    case 'aggregate':
      return { ...base, kind, keyField: value.keyField as string, topic };
    case 'boundedContext':
      return { ...base, kind, topicPrefix: value.topicPrefix as string, topic };
    default:
      return { ...base, kind };
  }
}

function parseConnection(value: unknown, path: string, problems: Problems): Connection | undefined {
  if (!expectRecord(value, path, problems, 'a connection object')) return undefined;
  checkKeys(value, ['id', 'source', 'target', 'label'], path, problems);
  const before = problems.list.length;
  for (const key of ['id', 'source', 'target'] as const) {
    if (typeof value[key] !== 'string' || !ID_PATTERN.test(value[key] as string)) {
      problems.add(
        `${path}/${key}`,
        key === 'id' ? 'must be an id of 1–64 letters, digits, "_" or "-"' : 'must be an element id',
      );
    }
  }
  if (value.label !== undefined) expectString(value.label, `${path}/label`, problems, MAX_NAME_LENGTH);
  if (problems.list.length !== before) return undefined;
  const connection: Connection = {
    id: value.id as string,
    source: value.source as string,
    target: value.target as string,
  };
  return typeof value.label === 'string' && value.label !== ''
    ? { ...connection, label: value.label }
    : connection;
}

function parseJson(input: string, problems: Problems): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    if (position) {
      const offset = Number(position[1]);
      const before = input.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      problems.add(
        '',
        `is not valid JSON (line ${line}, column ${column}): ${escapeControlCharacters(reason)}`,
      );
    } else {
      problems.add('', `is not valid JSON: ${escapeControlCharacters(reason)}`);
    }
    return undefined;
  }
}

/**
 * Reads a `.squall.json` board file (text or already-parsed JSON). Either the whole file is valid and
 * comes back as a `BoardFile`, or nothing does: the errors name each place that is wrong and why.
 */
export function parseBoardFile(input: unknown, options: ParseBoardFileOptions = {}): ParseBoardFileResult {
  const problems = new Problems();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const tooLarge = (bytes: number): ParseBoardFileResult => ({
    ok: false,
    errors: [{ path: '', message: fileTooLargeMessage(bytes, maxBytes) }],
  });
  let value = input;
  if (input instanceof Uint8Array) {
    // Checked before decoding: a huge file costs nothing but this comparison.
    if (input.byteLength > maxBytes) return tooLarge(input.byteLength);
    value = new TextDecoder().decode(input);
  } else if (typeof value === 'string') {
    // A UTF-8 byte is at most one UTF-16 unit, and a unit at most 3 bytes: count only in between.
    const bytes =
      value.length > maxBytes || value.length * 3 <= maxBytes ? value.length : utf8ByteLength(value);
    if (bytes > maxBytes) return tooLarge(bytes);
  }
  if (typeof value === 'string') {
    value = parseJson(value.charCodeAt(0) === 0xfeff ? value.slice(1) : value, problems);
    if (problems.list.length) return { ok: false, errors: problems.list };
  }
  if (!expectRecord(value, '', problems, 'a JSON object (a Squall board file)'))
    return { ok: false, errors: problems.list };
  const file = value;
  checkKeys(file, ['$schema', 'format', 'version', 'name', 'level', 'elements', 'connections'], '', problems);
  if (file.format !== BOARD_FILE_FORMAT) {
    problems.add('/format', `must be "${BOARD_FILE_FORMAT}" (is this a Squall board file?)`);
    return { ok: false, errors: problems.list };
  }
  if (!(BOARD_FILE_VERSIONS as readonly unknown[]).includes(file.version)) {
    const newer = typeof file.version === 'number' && file.version > BOARD_FILE_VERSION;
    problems.add(
      '/version',
      newer
        ? `is ${file.version}: the file was made by a newer Squall; this one reads versions up to ${BOARD_FILE_VERSION}`
        : `must be one of ${BOARD_FILE_VERSIONS.join(', ')}, not ${JSON.stringify(file.version) ?? 'missing'}`,
    );
    return { ok: false, errors: problems.list };
  }
  const version = file.version as BoardFileVersion;
  expectString(file.name, '/name', problems, MAX_NAME_LENGTH);
  if (!(WORKSHOP_LEVELS as readonly unknown[]).includes(file.level)) {
    problems.add('/level', `must be one of ${WORKSHOP_LEVELS.join(', ')}`);
  }
  const elements: BoardElement[] = [];
  const connections: Connection[] = [];
  if (!Array.isArray(file.elements)) {
    problems.add(
      '/elements',
      file.elements === undefined ? 'is missing (expected an array)' : 'must be an array',
    );
  } else if (file.elements.length > maxElements) {
    problems.add('/elements', `has ${file.elements.length} elements; at most ${maxElements} are allowed`);
  } else {
    const seen = new Map<string, number>();
    file.elements.forEach((raw, index) => {
      if (problems.full) return;
      const element = parseElement(raw, `/elements/${index}`, problems, version);
      if (!element) return;
      const first = seen.get(element.id);
      if (first !== undefined) {
        problems.add(`/elements/${index}/id`, `duplicate id "${element.id}" (also /elements/${first})`);
        return;
      }
      seen.set(element.id, index);
      elements.push(element);
    });
  }
  if (!Array.isArray(file.connections)) {
    problems.add(
      '/connections',
      file.connections === undefined ? 'is missing (expected an array)' : 'must be an array',
    );
  } else {
    // Ids of every element the file declares, valid or not: an element with an error of its own
    // should not also make each of its connections "dangling".
    const elementIds = new Set<unknown>(
      Array.isArray(file.elements) ? file.elements.map((raw) => (isRecord(raw) ? raw.id : undefined)) : [],
    );
    const seen = new Map<string, number>();
    file.connections.forEach((raw, index) => {
      if (problems.full) return;
      const path = `/connections/${index}`;
      const connection = parseConnection(raw, path, problems);
      if (!connection) return;
      const first = seen.get(connection.id);
      if (first !== undefined)
        problems.add(`${path}/id`, `duplicate id "${connection.id}" (also /connections/${first})`);
      seen.set(connection.id, index);
      if (Array.isArray(file.elements)) {
        if (!elementIds.has(connection.source))
          problems.add(`${path}/source`, `no element has id "${connection.source}"`);
        if (!elementIds.has(connection.target))
          problems.add(`${path}/target`, `no element has id "${connection.target}"`);
        if (connection.source === connection.target) problems.add(path, 'connects an element to itself');
      }
      connections.push(connection);
    });
  }
  if (problems.list.length) return { ok: false, errors: problems.list };
  return {
    ok: true,
    fromVersion: version,
    file: upgradeBoardFile({
      format: BOARD_FILE_FORMAT,
      version,
      name: file.name as string,
      level: file.level as WorkshopLevel,
      elements,
      connections,
    }),
  };
}

/** The one error of a file over the size limit, in bytes and MiB, named as such. */
export function fileTooLargeMessage(bytes: number, maxBytes: number): string {
  return `is ${formatByteSize(bytes)}; the largest board file accepted is ${formatByteSize(maxBytes)}`;
}

/**
 * Errors as lines people can read: `/elements/3/position/x: must be a number, not a string`. Paths
 * hold property names from the file: their control characters are escaped, like every quoted input.
 */
export function formatBoardFileErrors(errors: readonly BoardFileError[]): string {
  return errors
    .map(
      (error) =>
        `${escapeControlCharacters(error.path) || '(file)'}: ${escapeControlCharacters(error.message)}`,
    )
    .join('\n');
}
