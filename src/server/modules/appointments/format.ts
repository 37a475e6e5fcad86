/** "Tue, 24 Nov 2026, 09:00 (Asia/Kathmandu)": a time as the hospital's clocks show it, zone named. */
export function formatInZone(at: Date, timezone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timezone})`;
}

