/**
 * Who may do what, on the dashboard and in a linked chat alike: both ask `mayAct` about the same
 * action names, so a role cannot do in chat what the dashboard refuses. Each role includes the ones
 * before it:
 * - staff (Hội Nông dân staff): read leads, pools, questions and charts; link their chat; draft
 *   announcements and preview them;
 * - officer: also claim leads, change their status, add notes, message a lead's farmer, answer and
 *   close questions, edit and publish FAQ entries, export, send and cancel announcements;
 * - admin: also manage users, delete leads and read the audit log.
 */
export const STAFF_ROLES = ["staff", "officer", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const RANK: Record<StaffRole, number> = { staff: 0, officer: 1, admin: 2 };

const LEAST_ROLE = {
  read: "staff",
  "lead.claim": "officer",
  "lead.status": "officer",
  "lead.note": "officer",
  "lead.export": "officer",
  "question.answer": "officer",
  "question.close": "officer",
  "faq.edit": "officer",
  "lead.message": "officer",
  "broadcast.draft": "staff",
  "broadcast.send": "officer",
  "broadcast.cancel": "officer",
  "lead.delete": "admin",
  "user.manage": "admin",
  "audit.read": "admin",
} as const satisfies Record<string, StaffRole>;
export type StaffAction = keyof typeof LEAST_ROLE;

export function hasRole(role: StaffRole, atLeast: StaffRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** The one authorisation check for staff actions, whichever surface they come from. */
export function mayAct(role: StaffRole, action: StaffAction): boolean {
  return hasRole(role, LEAST_ROLE[action]);
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export const roleLabelKey = (role: StaffRole) => `admin-role-${role}`;
