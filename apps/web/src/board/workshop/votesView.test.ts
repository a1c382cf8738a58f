import { createElement, writeWorkshopChanges } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardView } from '../sync/boardView.ts';
import { createVotesView } from './votesView.ts';

const ANN = 'a'.repeat(22);

function round(doc: Y.Doc, ballots: Record<string, string[]>, status: 'open' | 'closed' = 'open') {
  writeWorkshopChanges(
    doc,
    { voting: { round: 1, status, votesPerPerson: 3, kinds: ['hotspot'], startedAt: 1, ballots } },
    'server',
  );
}

describe('createVotesView', () => {
  it('keeps the tally up to date with the ballots and the notes', () => {
    const doc = new Y.Doc();
    const view = createBoardView(doc);
    const votes = createVotesView(doc, view);
    expect(votes.store.getState()).toMatchObject({ voting: null, tally: null });
    const note = createElement(doc, { kind: 'hotspot', text: 'Fees', position: { x: 0, y: 0 } }, 'me');
    round(doc, { [ANN]: [note, note] });
    expect(votes.store.getState().tally?.byElement.get(note)).toBe(2);
    // The note becomes an event: it no longer takes votes, and Ann gets hers back.
    doc.transact(() => doc.getMap<Y.Map<unknown>>('elements').get(note)?.set('kind', 'domainEvent'));
    expect(votes.store.getState().tally?.byVoter.get(ANN)).toBeUndefined();
    votes.destroy();
  });

  it('forgets the ballot it sent once the document shows it, or a new round started', () => {
    const doc = new Y.Doc();
    const votes = createVotesView(doc, createBoardView(doc));
    const note = createElement(doc, { kind: 'hotspot', text: 'Fees', position: { x: 0, y: 0 } }, 'me');
    round(doc, {});
    const sent = { round: 1, voter: ANN, ballot: [note] };
    votes.store.setState({ sent });
    round(doc, { ['b'.repeat(22)]: [note] });
    expect(votes.store.getState().sent).toBe(sent);
    round(doc, { [ANN]: [note] });
    expect(votes.store.getState().sent).toBeNull();
    votes.destroy();
  });
});
