import type { BoardDiff, SchemaChange } from './schema-change.ts';

/** The subject a change is listed under inside its context: the event, else the topic, else the context. */
function subject(change: SchemaChange): string {
  if (change.event) return `event ${change.event}`;
  if (change.topic) return `topic ${change.topic}`;
  return 'context';
}

/**
 * The diff as text for a terminal or a CI log: per bounded context, per event or topic, one line per
 * change (`BREAKING` or `ok`) with its reason, then a verdict line.
 */
export function formatBoardDiff(diff: BoardDiff, labels: { before: string; after: string }): string {
  const lines: string[] = [`Comparing ${labels.before} → ${labels.after} (${diff.mode} compatibility)`];
  if (diff.changes.length === 0) {
    lines.push('', 'No contract changes.');
    return `${lines.join('\n')}\n`;
  }
  let context: string | undefined;
  let heading: string | undefined;
  for (const change of diff.changes) {
    if (change.context !== context) {
      context = change.context;
      heading = undefined;
      lines.push('', `${context || '(no context)'}`);
    }
    if (subject(change) !== heading) {
      heading = subject(change);
      lines.push(`  ${heading}`);
    }
    lines.push(`    ${change.breaking ? 'BREAKING' : 'ok      '} ${change.kind}: ${change.reason}`);
  }
  const total = diff.changes.length;
  lines.push(
    '',
    diff.compatible
      ? `${total} change${total === 1 ? '' : 's'}, all compatible in ${diff.mode} mode.`
      : `${diff.breakingCount} of ${total} change${total === 1 ? '' : 's'} break${diff.breakingCount === 1 ? 's' : ''} ${diff.mode} compatibility.`,
  );
  return `${lines.join('\n')}\n`;
}
