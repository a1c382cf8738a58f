import type { BoardElement, BoardSnapshot } from '../elements.ts';
import { contextMembership } from '../grammar/containment.ts';
import { KIND_INFO } from '../kinds.ts';
import { PHASE_INFO } from './phases.ts';
import type { WorkshopState } from './state.ts';
import { tallyVotes } from './vote-tally.ts';

export interface WorkshopSummaryInput {
  readonly boardName: string;
  readonly board: BoardSnapshot;
  readonly workshop: WorkshopState;
  /**
   * Votes per element id. By default the tally of the workshop's latest voting round once it is closed
   * (an open round's counts stay hidden, as on the board); none when no vote was closed.
   */
  readonly votes?: ReadonlyMap<string, number>;
  /** When the summary is written (server time). */
  readonly generatedAt: number;
}

/** Note text as one line of Markdown: newlines folded, Markdown's punctuation escaped. */
export function markdownInline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line === '' ? '(no text)' : line.replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `1 h 05 min`, `12 min`, `40 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

function votesText(count: number): string {
  return count === 1 ? '1 vote' : `${count} votes`;
}

function byPosition(a: BoardElement, b: BoardElement): number {
  return a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1);
}

function participantsSection({ workshop }: WorkshopSummaryInput): string[] {
  const people = new Map<string, { name: string; firstSeen: number }>();
  for (const [id, record] of Object.entries(workshop.participants)) people.set(id, record);
  for (const [id, grant] of Object.entries(workshop.facilitators)) {
    if (!people.has(id)) people.set(id, { name: grant.name, firstSeen: grant.at });
  }
  if (people.size === 0) return ['Nobody was recorded on this board.'];
  return [...people.entries()]
    .sort(([, a], [, b]) => a.firstSeen - b.firstSeen || a.name.localeCompare(b.name))
    .map(([id, person]) => {
      const role = Object.hasOwn(workshop.facilitators, id) ? ' (facilitator)' : '';
      return `- ${markdownInline(person.name || 'Someone')}${role}`;
    });
}

function phasesSection({ workshop, generatedAt }: WorkshopSummaryInput): string[] {
  if (workshop.phases.length === 0) return ['The workshop had no phases.'];
  const lines = ['| Phase | Started | Lasted |', '| --- | --- | --- |'];
  workshop.phases.forEach((entry, index) => {
    const end = workshop.phases[index + 1]?.startedAt;
    const lasted =
      end === undefined
        ? `${formatDuration(generatedAt - entry.startedAt)} so far`
        : formatDuration(end - entry.startedAt);
    lines.push(`| ${PHASE_INFO[entry.phase].label} | ${iso(entry.startedAt)} | ${lasted} |`);
  });
  return lines;
}

function label(element: BoardElement): string {
  return `${KIND_INFO[element.kind].label}: ${markdownInline(element.text)}`;
}

function votingSection({ board, votes, workshop }: WorkshopSummaryInput): string[] {
  if (!votes) {
    return [workshop.voting?.status === 'open' ? 'Voting is still open.' : 'No vote was held.'];
  }
  const byId = new Map(board.elements.map((element) => [element.id, element]));
  const ranked = [...votes.entries()]
    .filter(([id, count]) => count > 0 && byId.has(id))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (ranked.length === 0) return ['Voting closed without votes.'];
  return ranked.map(([id, count], index) => `${index + 1}. ${label(byId.get(id)!)} — ${votesText(count)}`);
}

function problemsSection({ board, votes }: WorkshopSummaryInput): string[] {
  const notes = board.elements
    .filter((element) => element.kind === 'hotspot' || element.kind === 'opportunity')
    .sort((a, b) => (votes?.get(b.id) ?? 0) - (votes?.get(a.id) ?? 0) || byPosition(a, b));
  if (notes.length === 0) return ['No hotspots or opportunities.'];
  return notes.map((note) => `- ${label(note)}${votes ? ` — ${votesText(votes.get(note.id) ?? 0)}` : ''}`);
}

function contextsSection({ board }: WorkshopSummaryInput): string[] {
  const membership = contextMembership(board.elements);
  const contexts = board.elements.filter((element) => element.kind === 'boundedContext').sort(byPosition);
  const events = board.elements.filter((element) => element.kind === 'domainEvent').sort(byPosition);
  const lines: string[] = [];
  const list = (owned: readonly BoardElement[]) =>
    owned.length === 0 ? ['No events.'] : owned.map((event) => `- ${markdownInline(event.text)}`);
  for (const context of contexts) {
    lines.push(`### ${markdownInline(context.text)}`, '');
    lines.push(...list(events.filter((event) => membership.get(event.id)?.id === context.id)), '');
  }
  const outside = events.filter((event) => !membership.has(event.id));
  if (outside.length > 0 || contexts.length === 0) {
    lines.push(
      contexts.length === 0 ? '### No bounded contexts yet' : '### Outside every bounded context',
      '',
    );
    lines.push(...list(outside), '');
  }
  return lines.slice(0, -1);
}

/**
 * The Markdown report of a workshop: board, participants, phase history, voting results, every hotspot
 * and opportunity with its votes, and the bounded contexts with their events (in timeline order).
 * Pure: the web's "Download summary" and `GET /api/boards/:id/summary.md` write the same text.
 */
export function workshopSummary(summaryInput: WorkshopSummaryInput): string {
  const { workshop, board } = summaryInput;
  const closed = workshop.voting?.status === 'closed';
  const input: WorkshopSummaryInput = {
    ...summaryInput,
    votes:
      summaryInput.votes ??
      (closed
        ? new Map(tallyVotes(workshop, board).map(({ elementId, votes }) => [elementId, votes]))
        : undefined),
  };
  const sections: Array<[string, string[]]> = [
    ['Participants', participantsSection(input)],
    ['Phase history', phasesSection(input)],
    ['Voting results', votingSection(input)],
    ['Hotspots and opportunities', problemsSection(input)],
    ['Bounded contexts and their events', contextsSection(input)],
  ];
  const lines = [
    `# ${markdownInline(input.boardName)}: workshop summary`,
    '',
    `Written ${iso(input.generatedAt)}.`,
  ];
  for (const [title, body] of sections) lines.push('', `## ${title}`, '', ...body);
  return `${lines.join('\n')}\n`;
}
