// Every calendar decision is made in UK time (Europe/London), here and nowhere else. Days are
// YYYY-MM-DD strings, which compare correctly as strings.
const ukDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const ukWeekdayHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});

// Answers by the minute they are for: the UK day turns only on a whole hour (UTC offsets of 0 or
// +1), so every instant of one UTC minute is on the same UK day. Formatting is the costly part,
// and a request asks several times, for now and for a grace period ago (disclosure/publication.ts),
// so a few minutes are kept.
const days = new Map<number, string>();

export function todayInUk(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const known = days.get(minute);
  if (known !== undefined) return known;
  if (days.size >= 16) days.clear();
  const day = ukDay.format(now);
  days.set(minute, day);
  return day;
}

// The hour (0–23) and weekday ("Mon", "Tue", …) in the UK at `now`.
export function ukWeekdayAndHour(now: Date): { weekday: string; hour: number } {
  const parts = Object.fromEntries(ukWeekdayHour.formatToParts(now).map((p) => [p.type, p.value]));
  return { weekday: parts.weekday ?? '', hour: Number(parts.hour) };
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
