/**
 * Who may do what on the dashboard. Each role includes the ones before it:
 * - staff (Hội Nông dân staff): read leads, pools, questions and charts; link their chat;
 * - officer: also change a lead's status, add notes, answer questions, save FAQ entries, export;
 * - admin: also manage users, delete leads and read the audit log.
 */
export const STAFF_ROLES = ["staff", "officer", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const RANK: Record<StaffRole, number> = { staff: 0, officer: 1, admin: 2 };

export function hasRole(role: StaffRole, atLeast: StaffRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export const roleLabelKey = (role: StaffRole) => `admin-role-${role}`;
