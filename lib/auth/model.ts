// The auth domain's words. Client-safe: the database schema, the API wrapper and the pages import from here.

/** `admin` changes things; `viewer` reads and downloads logs. */
export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, admin: 2 };

/** Whether a user with `role` may do what needs `required` (admins may do everything viewers may). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/**
 * What an API token may be used for: `api` calls the JSON API with its user's role; `inbound` sends data in at
 * POST /api/inbound/:sourceId. A token made without a scope has `api` only.
 */
export const API_TOKEN_SCOPES = ["api", "inbound"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
