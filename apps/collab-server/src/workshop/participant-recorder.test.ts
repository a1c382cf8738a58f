import { participantIdOf, readWorkshop } from '@squall/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ParticipantRecorder } from './participant-recorder.ts';

const presence = (name: string, participant?: string) => ({
  user: { name, color: '#1971c2' },
  cursor: null,
  selection: [],
  drag: {},
  viewport: null,
  lastActive: 1,
  ...(participant && { participant }),
});

describe('ParticipantRecorder', () => {
  it('records each participant id once, with the name it first came with, and nothing else', () => {
    const doc = new Y.Doc();
    let writes = 0;
    doc.on('update', () => writes++);
    let now = 1000;
    const recorder = new ParticipantRecorder(
      () => doc,
      'server',
      () => now,
    );
    const bob = participantIdOf('bob-secret-0123456789abc');
    const ann = participantIdOf('ann-secret-0123456789abc');
    recorder.seen(presence('Bob', bob));
    now = 2000;
    // Moving the pointer, renaming, presence without an id or not a presence at all: no writes.
    for (const name of ['Bobby', 'Robert', 'Bob']) recorder.seen(presence(name, bob));
    recorder.seen(presence('Nobody'));
    recorder.seen({ user: 'x' });
    recorder.seen(null);
    recorder.seen(presence('Ann', ann));
    expect(writes).toBe(2);
    expect(readWorkshop(doc).participants).toEqual({
      [bob]: { name: 'Bob', firstSeen: 1000 },
      [ann]: { name: 'Ann', firstSeen: 2000 },
    });
  });
});
