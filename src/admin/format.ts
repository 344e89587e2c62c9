/** Dates on the dashboard are Vietnam time (UTC+7, no daylight saving): "27/11/2026 14:05". */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

export function vietnamDateTime(date: Date): string {
  const iso = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** "2026-11-27" as the Vietnam day → the UTC instant that day starts. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

/** Monday of the Vietnam week that contains `date`, as "2026-11-23". */
export function vietnamWeekStart(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
