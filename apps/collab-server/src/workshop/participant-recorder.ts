import {
  MAX_PARTICIPANTS,
  type ParticipantRecord,
  readPresence,
  readWorkshop,
  workshopMap,
} from '@squall/model';
import type * as Y from 'yjs';

/**
 * Records who took part in the workshop (for its summary): the first time a participant id shows up in
 * a peer's presence, the server adds it with its name to the workshop map. Only new ids are written
 * (a peer renaming itself in a loop writes nothing), and at most `MAX_PARTICIPANTS` of them.
 */
export class ParticipantRecorder {
  private known: Set<string> | undefined;

  constructor(
    private readonly doc: () => Y.Doc,
    private readonly origin: unknown,
    private readonly now: () => number = Date.now,
  ) {}

  /** A peer's awareness state was added or changed. */
  seen(state: unknown): void {
    const presence = readPresence(state);
    const id = presence?.participant;
    if (!presence || !id) return;
    const doc = this.doc();
    this.known ??= new Set(Object.keys(readWorkshop(doc).participants));
    if (this.known.has(id) || this.known.size >= MAX_PARTICIPANTS) return;
    this.known.add(id);
    const participants: Record<string, ParticipantRecord> = {
      ...readWorkshop(doc).participants,
      [id]: { name: presence.user.name, firstSeen: this.now() },
    };
    doc.transact(() => workshopMap(doc).set('participants', participants), this.origin);
  }
}
