/**
 * Officers move a lead mới → đã liên hệ → đang hỗ trợ → đã thành lập, or close it at any step.
 * A closed lead can be reopened (the farmer calls back); a founded one is final.
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

export const statusLabelKey = (status: LeadStatus) => `leads-status-${status}`;

export function allowedTransitions(from: LeadStatus): readonly LeadStatus[] {
  return NEXT[from];
}

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return NEXT[from].includes(to);
}

export function isLeadStatus(value: string): value is LeadStatus {
  return (LEAD_STATUSES as readonly string[]).includes(value);
}
