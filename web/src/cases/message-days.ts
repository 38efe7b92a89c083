// Where a conversation crosses into another day, and what that day is called: messages show their
// time only, so a day's first message carries the day above it. Pure; days in the browser's zone.

const dayName = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const dayNameWithYear = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const dayKey = (ms: number) => new Date(ms).toDateString();

/** "Today", "Yesterday", "Thursday 3 December" (with the year when it is not this one). */
export function dayLabel(ms: number, now: number): string {
  if (dayKey(ms) === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(ms) === dayKey(yesterday.getTime())) return 'Yesterday';
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dayName : dayNameWithYear).format(new Date(ms));
}

/** For each message (oldest first), the day to show above it where a new day starts, else null. */
export function dayBreaks(ats: readonly string[], now: number): (string | null)[] {
  return ats.map((at, i) => {
    const ms = Date.parse(at);
    const before = i > 0 ? Date.parse(ats[i - 1]!) : Number.NaN;
    return i === 0 || dayKey(ms) !== dayKey(before) ? dayLabel(ms, now) : null;
  });
}
