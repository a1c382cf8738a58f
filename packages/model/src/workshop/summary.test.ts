import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../doc/read.ts';
import { createElement } from '../doc/write.ts';
import { participantIdOf } from './participant.ts';
import { EMPTY_WORKSHOP, type WorkshopState } from './state.ts';
import { formatDuration, markdownInline, workshopSummary } from './summary.ts';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const fay = participantIdOf('fay-secret-0123456789abc');
const bob = participantIdOf('bob-secret-0123456789abc');

function board() {
  const doc = new Y.Doc();
  const add = (kind: Parameters<typeof createElement>[1]['kind'], text: string, x: number, y = 0) =>
    createElement(doc, { kind, text, position: { x, y } }, 't');
  const payments = createElement(
    doc,
    {
      kind: 'boundedContext',
      text: 'Payments',
      position: { x: 0, y: 0 },
      size: { width: 1000, height: 400 },
    },
    't',
  );
  add('domainEvent', 'Payment Requested', 100, 100);
  add('domainEvent', 'Payment Completed', 400, 100);
  add('domainEvent', 'Ship Departed', 2000, 100);
  const fees = add('hotspot', 'Who refunds | fees?', 300, 500);
  const faster = add('opportunity', 'Instant\npayouts', 600, 500);
  add('hotspot', 'Fraud rules?', 900, 500);
  return { snapshot: readBoard(doc), payments, fees, faster };
}

const workshop: WorkshopState = {
  ...EMPTY_WORKSHOP,
  phases: [
    { phase: 'chaoticExploration', startedAt: T0 },
    { phase: 'enforceTimeline', startedAt: T0 + 25 * 60_000 },
    { phase: 'pickYourProblem', startedAt: T0 + 90 * 60_000 },
  ],
  facilitators: { [fay]: { name: 'Fay', grantedBy: 'owner', at: T0 } },
  participants: {
    [bob]: { name: 'Bob', firstSeen: T0 + 60_000 },
    [fay]: { name: 'Fay', firstSeen: T0 - 60_000 },
  },
};

describe('workshop summary', () => {
  it('lists the participants, the phase history, the votes, the problems and the contexts', () => {
    const { snapshot, fees, faster } = board();
    const text = workshopSummary({
      boardName: 'Payments # big picture',
      board: snapshot,
      workshop,
      votes: new Map([
        [faster, 4],
        [fees, 2],
      ]),
      generatedAt: T0 + 100 * 60_000,
    });
    expect(text).toBe(`# Payments \\# big picture: workshop summary

Written 2026-12-03T10:40:00Z.

## Participants

- Fay (facilitator)
- Bob

## Phase history

| Phase | Started | Lasted |
| --- | --- | --- |
| Chaotic exploration | 2026-12-03T09:00:00Z | 25 min |
| Enforce the timeline | 2026-12-03T09:25:00Z | 1 h 05 min |
| Pick your problem | 2026-12-03T10:30:00Z | 10 min so far |

## Voting results

1. Opportunity: Instant payouts — 4 votes
2. Hotspot: Who refunds \\| fees? — 2 votes

## Hotspots and opportunities

- Opportunity: Instant payouts — 4 votes
- Hotspot: Who refunds \\| fees? — 2 votes
- Hotspot: Fraud rules? — 0 votes

## Bounded contexts and their events

### Payments

- Payment Requested
- Payment Completed

### Outside every bounded context

- Ship Departed
`);
  });

  it('takes the voting results from the closed round, at most the allowed votes per person', () => {
    const { snapshot, fees, faster } = board();
    const voting = {
      round: 1,
      status: 'closed' as const,
      votesPerPerson: 2,
      kinds: ['hotspot', 'opportunity'] as const,
      startedAt: T0,
      closedAt: T0 + 60_000,
      // Bob's ballot holds five votes (a modified client): only his first two count.
      ballots: { [bob]: [faster, faster, fees, fees, fees], [fay]: [fees] },
    };
    const text = workshopSummary({
      boardName: 'Votes',
      board: snapshot,
      workshop: { ...workshop, voting: { ...voting, kinds: [...voting.kinds] } },
      generatedAt: T0 + 100 * 60_000,
    });
    expect(text).toContain(
      '## Voting results\n\n1. Opportunity: Instant payouts — 2 votes\n2. Hotspot: Who refunds \\| fees? — 1 vote\n',
    );
    expect(text).toContain('- Hotspot: Fraud rules? — 0 votes');
    const open = workshopSummary({
      boardName: 'Votes',
      board: snapshot,
      workshop: { ...workshop, voting: { ...voting, kinds: [...voting.kinds], status: 'open' } },
      generatedAt: T0,
    });
    expect(open).toContain('## Voting results\n\nVoting is still open.');
    expect(open).not.toContain('votes');
  });

  it('says so when nothing happened yet', () => {
    const text = workshopSummary({
      boardName: 'Empty',
      board: readBoard(new Y.Doc()),
      workshop: EMPTY_WORKSHOP,
      generatedAt: T0,
    });
    expect(text).toContain('Nobody was recorded on this board.');
    expect(text).toContain('The workshop had no phases.');
    expect(text).toContain('No vote was held.');
    expect(text).toContain('No hotspots or opportunities.');
    expect(text).toContain('### No bounded contexts yet\n\nNo events.');
  });

  it('folds and escapes note text, and formats durations', () => {
    expect(markdownInline('  two\nlines *bold* [link](x) ')).toBe('two lines \\*bold\\* \\[link\\](x)');
    expect(markdownInline('   ')).toBe('(no text)');
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(125 * 60_000)).toBe('2 h 05 min');
  });
});
