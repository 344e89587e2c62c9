/**
 * Officers move a lead mới → đã liên hệ → đang hỗ trợ → đã thành lập, or close it at any step.
 * A closed lead can be reopened (the farmer calls back). A step taken by mistake can be undone one
 * step back (also from "founded"), always with a note saying why; closing needs a reason too.
 */
export const LEAD_STATUSES = ["new", "contacted", "supporting", "founded", "closed"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ["contacted", "closed"],
  contacted: ["supporting", "closed"],
  supporting: ["founded", "closed"],
  founded: [],
  closed: ["contacted"],
};
const BACK: Partial<Record<LeadStatus, LeadStatus>> = {
  contacted: "new",
  supporting: "contacted",
  founded: "supporting",
};

/** "Đã thành lập" and "Đóng" end the follow-up: the dashboard asks for confirmation. */
export const FINAL_STATUSES: readonly LeadStatus[] = ["founded", "closed"];

export const statusLabelKey = (status: LeadStatus) => `leads-status-${status}`;

/** Forward moves (and closing), then the step back when there is one. */
export function allowedTransitions(from: LeadStatus): readonly LeadStatus[] {
  const back = BACK[from];
  return back ? [...NEXT[from], back] : NEXT[from];
}

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return allowedTransitions(from).includes(to);
}

export const isStepBack = (from: LeadStatus, to: LeadStatus) => BACK[from] === to;

/** A move along the workflow (or closing, or reopening), not a step back: what a chat button may do. */
export const isForwardMove = (from: LeadStatus, to: LeadStatus) => NEXT[from].includes(to);

/** Closing and stepping back must say why (the note goes into the lead's history). */
export const needsReason = (from: LeadStatus, to: LeadStatus) => to === "closed" || isStepBack(from, to);

export function isLeadStatus(value: string): value is LeadStatus {
  return (LEAD_STATUSES as readonly string[]).includes(value);
}
