import type { CampaignInput, CampaignProblem } from "../../broadcast/campaigns.js";
import { readSegmentChecked } from "../../broadcast/segment.js";
import { VIETNAM_OFFSET_MS } from "../../lib/vietnam-time.js";

type Body = Record<string, string | File | (string | File)[]>;

const list = (body: Body, name: string): string[] => {
  const value = body[name] ?? body[`${name}[]`];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === "string",
  );
};
const one = (body: Body, name: string): string => {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
};

/**
 * The compose form (parsed with `parseBody({ all: true })`) as a campaign; the service validates the
 * text and link. A choice the form never offered is a problem here: dropping it could widen the audience.
 */
export function readCampaignForm(body: Body): { input: CampaignInput; problem?: CampaignProblem } {
  const { segment, dropped } = readSegmentChecked({
    topics: list(body, "topics"),
    communes: list(body, "communes"),
    sectors: list(body, "sectors"),
    channels: list(body, "channels"),
  });
  const input = {
    text: one(body, "text"),
    link: one(body, "link") || undefined,
    signupChoice: one(body, "signup") === "on",
    segment,
  };
  return dropped ? { input, problem: "admin-bc-error-segment" } : { input };
}

/** `<input type="datetime-local">` is Vietnam wall-clock time; undefined when empty, null when unreadable. */
export function readScheduleTime(body: Body): Date | undefined | null {
  const value = one(body, "at");
  if (value === "") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}:00Z`);
  return Number.isNaN(at) ? null : new Date(at - VIETNAM_OFFSET_MS);
}
