// The auth domain's words. Client-safe: the database schema, the API wrapper and the pages import from here.

/** `admin` changes things; `viewer` reads and downloads logs. */
export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, admin: 2 };

/** Whether a user with `role` may do what needs `required` (admins may do everything viewers may). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}
