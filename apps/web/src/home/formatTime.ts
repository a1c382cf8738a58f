/** "just now", "5 minutes ago", "3 days ago": how a list of boards says when each last changed. */
export function formatRelativeTime(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return 'unknown';
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 30) return format.format(-days, 'day');
  return new Date(time).toLocaleDateString('en');
}
