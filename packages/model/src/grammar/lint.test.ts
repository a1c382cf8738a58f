import { describe, expect, it } from 'vitest';
import type { BoardElement, BoardSnapshot, Connection, WorkshopLevel } from '../elements.ts';
import { baseName } from '../export/name-scope.ts';
import { type ElementKind, KIND_INFO } from '../kinds.ts';
import { lintBoard, looksPastTense } from './lint.ts';

let counter = 0;
function el(kind: ElementKind, text: string, x = 0, y = 0, extra: Partial<BoardElement> = {}): BoardElement {
  const base = {
    id: `${kind}-${++counter}`,
    text,
    position: { x, y },
    size: KIND_INFO[kind].defaultSize,
    z: 'V',
    codeName: '',
  };
  switch (kind) {
    case 'domainEvent':
    case 'command':
      return { ...base, kind, fields: [], ...extra } as BoardElement;
    case 'aggregate':
      return { ...base, kind, keyField: '', topic: {}, ...extra } as BoardElement;
    case 'boundedContext':
      return { ...base, kind, topicPrefix: '', topic: {}, ...extra } as BoardElement;
    default:
      return { ...base, kind, ...extra } as BoardElement;
  }
}
const link = (source: BoardElement, target: BoardElement): Connection => ({
  id: `c-${source.id}-${target.id}`,
  source: source.id,
  target: target.id,
});
const board = (
  level: WorkshopLevel,
  elements: BoardElement[],
  connections: Connection[] = [],
): BoardSnapshot => ({
  schemaVersion: 1,
  level,
  elements,
  connections,
});
const codes = (snapshot: BoardSnapshot) =>
  lintBoard(snapshot).map((issue) => `${issue.severity}:${issue.code}`);

describe('lintBoard', () => {
  it('finds nothing to say about a complete design-level flow inside a context', () => {
    const context = el('boundedContext', 'Payments', 0, 0, {
      size: { width: 2000, height: 1000 },
    } as Partial<BoardElement>);
    const actor = el('actor', 'Customer', 10, 10);
    const command = el('command', 'Request Payment', 200, 10);
    const aggregate = el('aggregate', 'Payment', 400, 10);
    const event = el('domainEvent', 'Payment Requested', 700, 10);
    const policy = el('policy', 'Check for fraud', 900, 10);
    const check = el('command', 'Check Payment', 1100, 10);
    const view = el('readModel', 'Payment status', 900, 300);
    const snapshot = board(
      'design',
      [context, actor, command, aggregate, event, policy, check, view],
      [
        link(actor, command),
        link(command, aggregate),
        link(aggregate, event),
        link(event, policy),
        link(policy, check),
        link(check, aggregate),
        link(event, view),
      ],
    );
    expect(lintBoard(snapshot)).toEqual([]);
  });

  const cases: Array<{ name: string; snapshot: () => BoardSnapshot; expected: string[] }> = [
    {
      name: 'a command nobody handles (error at design level)',
      snapshot: () =>
        board('design', [
          el('boundedContext', 'C', 0, 0, { size: { width: 900, height: 900 } } as Partial<BoardElement>),
          el('command', 'Pay', 10, 10),
        ]),
      expected: ['error:command-without-handler'],
    },
    {
      name: 'a command nobody handles (warning at process level)',
      snapshot: () => board('process', [el('command', 'Pay')]),
      expected: ['warning:command-without-handler'],
    },
    {
      name: 'an event with no producer',
      snapshot: () => board('process', [el('domainEvent', 'Order Placed')]),
      expected: ['warning:event-without-producer'],
    },
    {
      name: 'nothing but naming hints at Big Picture level',
      snapshot: () =>
        board('bigPicture', [el('domainEvent', 'Place order'), el('command', 'Pay'), el('policy', 'Then')]),
      expected: ['info:event-not-past-tense'],
    },
    {
      name: 'a policy that neither reacts nor issues',
      snapshot: () => board('process', [el('policy', 'When paid, ship')]),
      expected: ['warning:policy-issues-nothing', 'warning:policy-without-trigger'],
    },
    {
      name: 'elements outside any bounded context at design level',
      snapshot: () => {
        const aggregate = el('aggregate', 'Order');
        const event = el('domainEvent', 'Order Placed', 300);
        return board(
          'design',
          [aggregate, event, el('actor', 'Clerk'), el('hotspot', 'Who pays?')],
          [link(aggregate, event)],
        );
      },
      expected: ['warning:outside-context', 'warning:outside-context', 'info:open-hotspot'],
    },
    {
      name: 'duplicate event names in one context, but not across contexts',
      snapshot: () => {
        const a = el('boundedContext', 'Sales', 0, 0, {
          size: { width: 1000, height: 1000 },
        } as Partial<BoardElement>);
        const b = el('boundedContext', 'Billing', 2000, 0, {
          size: { width: 1000, height: 1000 },
        } as Partial<BoardElement>);
        return board('bigPicture', [
          a,
          b,
          el('domainEvent', 'Order Placed', 10, 10),
          el('domainEvent', ' order  placed', 300, 10),
          el('domainEvent', 'Order Placed', 2100, 10),
        ]);
      },
      expected: ['error:duplicate-event-name'],
    },
    {
      name: 'a connection the grammar forbids (e.g. after a kind change)',
      snapshot: () => {
        const event = el('domainEvent', 'Paid');
        const command = el('command', 'Ship');
        const aggregate = el('aggregate', 'Shipment');
        const produced = el('domainEvent', 'Shipped');
        return board(
          'process',
          [event, command, aggregate, produced],
          [link(event, command), link(command, aggregate), link(aggregate, produced)],
        );
      },
      expected: ['error:illegal-connection', 'warning:event-without-producer'],
    },
    {
      name: 'an empty sticky',
      snapshot: () => board('bigPicture', [el('opportunity', '  ')]),
      expected: ['warning:empty-note'],
    },
    {
      name: 'an event produced by two aggregates at design level',
      snapshot: () => {
        const context = el('boundedContext', 'C', 0, 0, {
          size: { width: 3000, height: 3000 },
        } as Partial<BoardElement>);
        const a = el('aggregate', 'A', 10, 10);
        const b = el('aggregate', 'B', 10, 400);
        const event = el('domainEvent', 'Thing Happened', 500, 10);
        return board('design', [context, a, b, event], [link(a, event), link(b, event)]);
      },
      expected: ['warning:event-with-several-aggregates'],
    },
    {
      name: 'two payload fields of one name',
      snapshot: () =>
        board('bigPicture', [
          el('domainEvent', 'Order Placed', 0, 0, {
            fields: [
              { id: 'f1', name: 'id', type: { kind: 'uuid' }, required: true },
              { id: 'f2', name: 'id', type: { kind: 'string' }, required: false },
            ],
          } as Partial<BoardElement>),
        ]),
      expected: ['error:duplicate-field-name'],
    },
  ];

  it.each(cases)('reports $name', ({ snapshot, expected }) => {
    expect(codes(snapshot())).toEqual(expected);
  });

  it('names the elements concerned and says what is wrong', () => {
    const command = el('command', 'Request Payment');
    const [issue] = lintBoard(board('process', [command]));
    expect(issue).toEqual({
      code: 'command-without-handler',
      severity: 'warning',
      elementIds: [command.id],
      message: 'Command "Request Payment" is not handled by any aggregate or external system.',
    });
  });
});

describe('long texts and hostile field names', () => {
  const sentence =
    'Customer requested a refund after the parcel arrived damaged and the courier confirmed the damage on the delivery note';

  it('warns when a text is too long for a good name, and says which name the export uses', () => {
    const event = el('domainEvent', sentence, 0, 0, {
      fields: [
        {
          id: 'f1',
          name: 'reference number the claims team wrote on the form when approving the refund',
          type: { kind: 'string' },
          required: true,
        },
      ],
    } as Partial<BoardElement>);
    const issues = lintBoard(board('process', [event])).filter((issue) => issue.code === 'long-name');
    const name = baseName(event);
    expect(name.kebab.length).toBeLessThanOrEqual(60);
    expect(issues.map((issue) => [issue.severity, issue.elementIds])).toEqual([
      ['warning', [event.id]],
      ['warning', [event.id]],
    ]);
    expect(issues[0]!.message).toBe(
      `Domain event "${sentence.slice(0, 59)}…" is too long for a readable code name (more than 60 characters); the export names it ${name.pascal} (${name.kebab} in file and topic names). Set a shorter code name to choose the name; the full text stays in the generated descriptions.`,
    );
    expect(issues[1]!.message).toMatch(
      /^Field "reference number the claims team wrote on the form when approving the refund" of domain event "Customer .*…" is too long for a readable code name; the export names it referenceNumberTheClaimsTeamWroteOnThe\w*[0-9A-Z][0-9a-z]{5}\. Shorten the field name/,
    );
    // A code name fixes it.
    const named = { ...event, codeName: 'RefundRequested', fields: [] } as BoardElement;
    expect(lintBoard(board('process', [named])).map((issue) => issue.code)).not.toContain('long-name');
  });

  it('warns about a topic prefix too long for topic names', () => {
    const frame = el('boundedContext', 'Payments', 0, 0, {
      topicPrefix: `Team.${'Fraud Detection '.repeat(10)}`,
    } as Partial<BoardElement>);
    const [issue] = lintBoard(board('process', [frame])).filter((i) => i.code === 'long-name');
    expect(issue!.message).toMatch(
      /^The topic prefix of bounded context "Payments" is longer than 60 characters; topics use team\.fraud-detection-/,
    );
  });

  it('says nothing about fields named like Object.prototype members, and nothing about short texts', () => {
    const fields = Object.getOwnPropertyNames(Object.prototype).map((name, i) => ({
      id: `f${i}`,
      name,
      type: { kind: 'string' as const },
      required: i % 2 === 0,
    }));
    const event = el('domainEvent', 'Payment Requested', 0, 0, { fields } as Partial<BoardElement>);
    const aggregate = el('aggregate', 'Payment', 0, 0);
    const issues = lintBoard(board('process', [aggregate, event], [link(aggregate, event)]));
    expect(issues).toEqual([]);
  });

  it('escapes control characters of the text it quotes', () => {
    const command = el('command', 'Pay\u001b]0;pwned\u0007\u009b2J now');
    const [issue] = lintBoard(board('process', [command]));
    expect(issue!.message).toBe(
      'Command "Pay\\u001b]0;pwned\\u0007\\u009b2J now" is not handled by any aggregate or external system.',
    );
  });
});

describe('looksPastTense', () => {
  it.each([
    ['Payment Requested', true],
    ['Order Sent', true],
    ['Container Built', true],
    ['Request Payment', false],
    ['Ship departs', false],
    ['주문 접수됨', true],
  ])('%s → %s', (text, expected) => {
    expect(looksPastTense(text)).toBe(expected);
  });
});
