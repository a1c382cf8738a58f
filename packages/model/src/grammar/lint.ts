import { quoted } from '../display-text.ts';
import type { BoardElement, BoardSnapshot, WorkshopLevel } from '../elements.ts';
import { baseName } from '../export/name-scope.ts';
import { MAX_CODE_NAME_LENGTH, topicPrefixName, topicSegments } from '../export/names.ts';
import type { FieldType, NestedField } from '../fields.ts';
import { type ElementKind, isFrameKind, KIND_INFO } from '../kinds.ts';
import { contextMembership } from './containment.ts';
import { checkConnection } from './rules.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintIssue {
  /** Stable rule id, e.g. `command-without-handler`. */
  readonly code: string;
  readonly severity: LintSeverity;
  /** The elements concerned; the first is the one to focus. */
  readonly elementIds: readonly string[];
  readonly message: string;
}

export interface LintOptions {
  /** Defaults to the board's own workshop level. */
  readonly level?: WorkshopLevel;
}

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Irregular past forms common in event names ("Order Sent", "Invoice Paid"). */
const IRREGULAR_PAST = new Set(
  'sent paid sold built made taken given done shipped set put cut shut hit left lost held kept read won begun bought brought caught drawn driven eaten fallen found forgotten frozen got gotten grown hidden known laid led lent met overdone overridden paid proven quit ridden risen run seen sought shaken shown shrunk split spent spun stolen struck sworn thrown told thought torn understood undone upheld withdrawn written chosen broken become arisen awoken bound bled blown bred burnt dealt dug dreamt fed felt fought fled flown forbidden forgiven heard hung hurt lit meant mistaken paid rung sung sunk slid spoken stood stuck stung swept swum taught woken worn wound'.split(
    ' ',
  ),
);

/** A hint, not a rule: does an English event name end in a past-tense verb? Text in a non-Latin script is not judged; other Latin-script languages get the English hint (it is only `info`). */
export function looksPastTense(text: string): boolean {
  const words = text
    .trim()
    .toLowerCase()
    .match(/[a-z]+/g);
  if (!words || /[^ -~\s]/.test(text)) return true;
  const last = words.at(-1)!;
  return last.endsWith('ed') || IRREGULAR_PAST.has(last);
}

function normaliseName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function quote(element: BoardElement): string {
  const label = KIND_INFO[element.kind].label.toLowerCase();
  return element.text.trim() ? `${label} ${quoted(element.text, 60)}` : `an empty ${label}`;
}

/** Kinds the exporter names (types, files, topics, consumer groups). */
const NAMED_KINDS: ReadonlySet<ElementKind> = new Set([
  'boundedContext',
  'aggregate',
  'externalSystem',
  'domainEvent',
  'command',
  'policy',
]);

function fieldsOf(type: FieldType): readonly NestedField[] {
  if (type.kind === 'object') return type.fields;
  return type.kind === 'array' ? fieldsOf(type.items) : [];
}

/**
 * Texts too long for a readable code name, with the name the export uses instead (cut at a word,
 * plus a short hash of the element id); the full text stays in the generated descriptions.
 */
function longNames(element: BoardElement, name: string): LintIssue[] {
  if (!NAMED_KINDS.has(element.kind)) return [];
  const issue = (message: string, advice = 'Set a shorter code name to choose the name'): LintIssue => ({
    code: 'long-name',
    severity: 'warning',
    elementIds: [element.id],
    message: `${message} ${advice}; the full text stays in the generated descriptions.`,
  });
  const issues: LintIssue[] = [];
  // Snapshots built by hand (tests, tools) may leave out the optional-looking parts: never throw on them.
  const own = baseName({ ...element, text: element.text ?? '', codeName: element.codeName ?? '' });
  if (own.shortened) {
    issues.push(
      issue(
        `${capitalise(name)} is too long for a readable code name (more than ${MAX_CODE_NAME_LENGTH} characters); the export names it ${own.pascal} (${own.kebab} in file and topic names).`,
      ),
    );
  }
  if (
    element.kind === 'boundedContext' &&
    topicSegments(element.topicPrefix ?? '').length > MAX_CODE_NAME_LENGTH
  ) {
    issues.push(
      issue(
        `The topic prefix of ${name} is longer than ${MAX_CODE_NAME_LENGTH} characters; topics use ${topicPrefixName(element.topicPrefix, element.id)}.`,
        'Shorten the topic prefix to choose it',
      ),
    );
  }
  if (element.kind === 'domainEvent' || element.kind === 'command') {
    const visit = (fields: readonly NestedField[]) => {
      for (const field of fields) {
        const key = baseName({ id: '', kind: 'field', text: field.name, codeName: '' });
        if (key.shortened) {
          issues.push(
            issue(
              `Field ${quoted(field.name)} of ${name} is too long for a readable code name; the export names it ${key.camel}.`,
              'Shorten the field name to choose the name',
            ),
          );
        }
        visit(fieldsOf(field.type));
      }
    };
    visit(element.fields ?? []);
  }
  return issues;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The problems a facilitator cares about, ordered by severity. Errors are what would make the
 * exported contracts wrong (a CI pipeline fails on them); warnings are gaps in the model; info are hints.
 */
export function lintBoard(board: BoardSnapshot, options: LintOptions = {}): LintIssue[] {
  const level = options.level ?? board.level;
  const design = level === 'design';
  const issues: LintIssue[] = [];
  const byId = new Map(board.elements.map((element) => [element.id, element]));
  const outgoing = new Map<string, ElementKind[]>();
  const incoming = new Map<string, ElementKind[]>();
  const aggregateProducers = new Map<string, string[]>();
  for (const connection of board.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source || !target) continue;
    append(outgoing, source.id, target.kind);
    append(incoming, target.id, source.kind);
    if (source.kind === 'aggregate') append(aggregateProducers, target.id, source.id);
    const check = checkConnection(source.kind, target.kind);
    if (!check.legal) {
      issues.push({
        code: 'illegal-connection',
        severity: 'error',
        elementIds: [source.id, target.id],
        message: `${capitalise(quote(source))} → ${quote(target)} is not a legal connection. ${check.reason}`,
      });
    }
  }
  const has = (map: Map<string, ElementKind[]>, id: string, kinds: readonly ElementKind[]) =>
    (map.get(id) ?? []).some((kind) => kinds.includes(kind));
  const membership = contextMembership(board.elements);
  const bigPicture = level === 'bigPicture';

  for (const element of board.elements) {
    const name = quote(element);
    issues.push(...longNames(element, name));
    if (!isFrameKind(element.kind) && element.text.trim() === '') {
      issues.push({
        code: 'empty-note',
        severity: 'warning',
        elementIds: [element.id],
        message: `${capitalise(name)} has no text.`,
      });
    }
    switch (element.kind) {
      case 'command':
        if (!bigPicture && !has(outgoing, element.id, ['aggregate', 'externalSystem'])) {
          issues.push({
            code: 'command-without-handler',
            severity: design ? 'error' : 'warning',
            elementIds: [element.id],
            message: `${capitalise(name)} is not handled by any aggregate or external system.`,
          });
        }
        break;
      case 'domainEvent': {
        if (!bigPicture && !has(incoming, element.id, ['aggregate', 'externalSystem'])) {
          issues.push({
            code: 'event-without-producer',
            severity: 'warning',
            elementIds: [element.id],
            message: `${capitalise(name)} is not produced by any aggregate or external system.`,
          });
        }
        const producers = aggregateProducers.get(element.id) ?? [];
        if (design && producers.length > 1) {
          issues.push({
            code: 'event-with-several-aggregates',
            severity: 'warning',
            elementIds: [element.id, ...producers],
            message: `${capitalise(name)} is produced by ${producers.length} aggregates; the exporter puts it on the first one's topic.`,
          });
        }
        if (element.text.trim() && !looksPastTense(element.text)) {
          issues.push({
            code: 'event-not-past-tense',
            severity: 'info',
            elementIds: [element.id],
            message: `${capitalise(name)} does not read as past tense; events name something that happened ("Payment Requested").`,
          });
        }
        const names = new Set<string>();
        for (const field of element.fields) {
          if (names.has(field.name)) {
            issues.push({
              code: 'duplicate-field-name',
              severity: 'error',
              elementIds: [element.id],
              message: `${capitalise(name)} has two payload fields named ${quoted(field.name)}.`,
            });
          }
          names.add(field.name);
        }
        break;
      }
      case 'policy':
        if (!bigPicture && !has(outgoing, element.id, ['command'])) {
          issues.push({
            code: 'policy-issues-nothing',
            severity: 'warning',
            elementIds: [element.id],
            message: `${capitalise(name)} issues no command; a policy reads "whenever <event>, then <command>".`,
          });
        }
        if (!bigPicture && !has(incoming, element.id, ['domainEvent'])) {
          issues.push({
            code: 'policy-without-trigger',
            severity: 'warning',
            elementIds: [element.id],
            message: `${capitalise(name)} is not triggered by any event.`,
          });
        }
        break;
      case 'aggregate':
        if (design && !has(outgoing, element.id, ['domainEvent'])) {
          issues.push({
            code: 'aggregate-without-events',
            severity: 'warning',
            elementIds: [element.id],
            message: `${capitalise(name)} produces no events, so it gets no topic.`,
          });
        }
        break;
      case 'hotspot':
        issues.push({
          code: 'open-hotspot',
          severity: 'info',
          elementIds: [element.id],
          message: `Open question: ${element.text.trim() ? quoted(element.text, 200) : '(empty hotspot)'}`,
        });
        break;
      default:
        break;
    }
    if (
      design &&
      !isFrameKind(element.kind) &&
      element.kind !== 'hotspot' &&
      element.kind !== 'opportunity' &&
      element.kind !== 'actor' &&
      !membership.has(element.id)
    ) {
      issues.push({
        code: 'outside-context',
        severity: 'warning',
        elementIds: [element.id],
        message: `${capitalise(name)} is outside every bounded context; at design level each belongs to one.`,
      });
    }
  }

  // Two events with one name in one context would become one type and one message.
  const eventsByName = new Map<string, BoardElement[]>();
  for (const element of board.elements) {
    if (element.kind !== 'domainEvent' || element.text.trim() === '') continue;
    const key = `${membership.get(element.id)?.id ?? ''}\n${normaliseName(element.codeName || element.text)}`;
    append(eventsByName, key, element);
  }
  for (const [key, events] of eventsByName) {
    if (events.length < 2) continue;
    const context = membership.get(events[0]!.id);
    issues.push({
      code: 'duplicate-event-name',
      severity: 'error',
      elementIds: events.map((event) => event.id),
      message: `${events.length} domain events are named ${quoted(key.split('\n')[1]!)} in ${context ? `bounded context ${quoted(context.text)}` : 'no bounded context'}; event names must be unique in a context.`,
    });
  }

  return issues.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code) ||
      (a.elementIds[0] ?? '').localeCompare(b.elementIds[0] ?? ''),
  );
}
