import { vietnamWallClock } from "../lib/vietnam-time.js";

/** Monday of the Vietnam week that contains `date`, as "2026-11-23". */
export function vietnamWeekStart(date: Date): string {
  const local = vietnamWallClock(date);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
