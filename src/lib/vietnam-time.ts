/**
 * Vietnam time. Vietnam has no daylight saving: local time is always UTC+7, so a rule dated
 * 01/07/2025 applies from midnight there, and dates shown to farmers and officers are local.
 */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The instant as Vietnam wall-clock time (read it with the getUTC* methods or toISOString). */
export const vietnamWallClock = (at: Date): Date => new Date(at.getTime() + VIETNAM_OFFSET_MS);

/** The calendar day in Vietnam, "2026-11-27". */
export const vietnamDate = (at: Date): string => vietnamWallClock(at).toISOString().slice(0, 10);

/** "2026-11-27" as the Vietnam day → the UTC instant that day starts. */
export const vietnamDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);

/** "2026-11-27" → "27/11/2026"; anything else is returned as it is. */
export function displayDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** "27/11/2026 14:05" in Vietnam time. */
export function displayDateTime(at: Date): string {
  const iso = vietnamWallClock(at).toISOString();
  return `${displayDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}
